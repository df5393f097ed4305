import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built =
  existsSync(resolve(root, 'dist', 'index.js')) && existsSync(resolve(root, 'dist', 'index.cjs'));

// `npm test` builds first; running vitest alone on a tree without dist/ skips with a message.
if (!built) console.warn('[skipped] dist tests: run `npm run build` first (npm test does)');

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
}

describe.runIf(built)('the built package as a user gets it', () => {
  const expected = ['CustomerAssetError', 'isCustomerAssetError'];

  it('loads through the `import` condition of the exports map', () => {
    const out = runNode([
      '--input-type=module',
      '-e',
      "const m = await import('customer-asset'); console.log(JSON.stringify(Object.keys(m).sort()));",
    ]);
    const keys = JSON.parse(out) as string[];
    for (const name of expected) expect(keys).toContain(name);
  });

  it('loads through the `require` condition of the exports map', () => {
    const out = runNode([
      '-e',
      "const m = require('customer-asset'); console.log(JSON.stringify(Object.keys(m).sort()));",
    ]);
    const keys = JSON.parse(out) as string[];
    for (const name of expected) expect(keys).toContain(name);
  });

  it('exposes the same names through import and require', () => {
    const esm = runNode([
      '--input-type=module',
      '-e',
      "console.log(Object.keys(await import('customer-asset')).sort().join(','))",
    ]);
    const cjs = runNode([
      '-e',
      "console.log(Object.keys(require('customer-asset')).sort().join(','))",
    ]);
    expect(esm).toBe(cjs);
  });

  it('ships type declarations for both conditions', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      exports: { '.': { import: { types: string }; require: { types: string } } };
    };
    expect(existsSync(resolve(root, pkg.exports['.'].import.types))).toBe(true);
    expect(existsSync(resolve(root, pkg.exports['.'].require.types))).toBe(true);
  });
});
