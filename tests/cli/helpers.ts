import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

/** What one in-process run of the command line printed, and its exit code. */
export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `customer-asset <args>` in-process in `cwd` (a fresh temporary folder by default). */
export async function cli(
  args: readonly string[],
  cwd = tempDir(),
  isTty = false,
): Promise<RunResult> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    isTty,
    cwd,
  };
  const code = await run(args, io);
  return { code, out, err };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'customer-asset-cli-'));
}

/** Writes a file into `dir` and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A small, valid transaction log: three customers over a year. */
export const SMALL_CSV = [
  'customer,day,value',
  'a,2024-01-03,10.00',
  'a,2024-02-10,12.50',
  'a,2024-06-01,8.25',
  'b,2024-01-20,30.00',
  'c,2024-03-05,5.00',
  'c,2024-09-09,7.75',
  'c,2024-12-20,6.00',
  '',
].join('\n');
