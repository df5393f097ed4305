/**
 * Every TSDoc `@example` in src/ and every TypeScript block of the README is type-checked against the
 * package's public entry point, as a user's editor would check it: the blocks are written to
 * .tmp/docs-typecheck as modules, 'customer-asset' is mapped to src/index.ts, and tsc runs with the
 * project's strict settings. (tests/docs runs the same blocks; this test catches what running cannot:
 * a wrong type that happens to work, a name the entry point does not export.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractTsDocExamples } from '../docs/examples-extract.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, '.tmp', 'docs-typecheck');

interface Block {
  readonly origin: string;
  readonly code: string;
}

function blocks(): Block[] {
  const out: Block[] = extractTsDocExamples(root, join(root, 'src')).map((e) => ({
    origin: `${e.file}:${e.line}`,
    code: e.code,
  }));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  let index = 0;
  for (const m of readme.matchAll(/```ts\n([\s\S]*?)```/g))
    out.push({ origin: `README.md block ${index++}`, code: m[1]! });
  return out;
}

describe('the documentation’s TypeScript type-checks against the public entry point', () => {
  it('every TSDoc example and README block compiles', () => {
    const all = blocks();
    expect(all.length).toBeGreaterThan(100);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const files = all.map((b, i) => {
      const name = `example-${String(i).padStart(4, '0')}.ts`;
      // `export {}` makes a block without imports a module too (its names stay its own).
      writeFileSync(join(work, name), `${b.code}\nexport {};\n`);
      return name;
    });
    const base = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          ...base.compilerOptions,
          noUnusedLocals: false,
          noUnusedParameters: false,
          baseUrl: '.',
          paths: { 'customer-asset': ['../../src/index.ts'] },
          types: ['node'],
          typeRoots: [join(root, 'node_modules', '@types')],
        },
        files,
      }),
    );
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', work],
        {
          cwd: work,
          encoding: 'utf8',
        },
      );
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // Name each error by the block it comes from.
    const errors = output
      .split('\n')
      .filter((line) => /error TS\d+/.test(line))
      .map((line) => {
        const m = /^example-(\d{4})\.ts\((\d+),\d+\): (.*)$/.exec(line);
        if (!m) return line;
        const block = all[Number(m[1])]!;
        return `${block.origin} (+${Number(m[2]) - 1} lines): ${m[3]}`;
      });
    expect(errors).toEqual([]);
  });
});
