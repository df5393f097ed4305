#!/usr/bin/env node
/**
 * The `customer-asset` executable (package bin: dist/cli/main.js). `npm start` runs it from the
 * sources with tsx: `customer-asset briefing --sample`.
 */
import { run } from './program.js';

// A reader that stops early (`customer-asset --help | head`) closes the pipe: end quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });

process.exitCode = await run(process.argv.slice(2));
