import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workDir = join(root, '.tmp', 'readme-tour');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("the README's tour", () => {
  it('has a TypeScript block that imports the package', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).toMatch(/from 'customer-asset'/);
  });

  it.each(blocks.map((code, i) => [i, code] as const))(
    'block %i runs as written and prints what its comments say',
    async (i, code) => {
      mkdirSync(workDir, { recursive: true });
      const file = join(workDir, `tour-${i}.ts`);
      const entry = pathToFileURL(join(root, 'src', 'index.ts')).href;
      writeFileSync(file, code.replaceAll("from 'customer-asset'", `from '${entry}'`));
      const printed: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
      try {
        await import(pathToFileURL(file).href);
      } finally {
        log.mockRestore();
      }
      // Each `console.log(...); // expected` comment states the start of what that line prints.
      const expectations = code
        .split('\n')
        .filter((line) => line.includes('console.log('))
        .map((line) => /\/\/ (.*)$/.exec(line)?.[1]?.trim() ?? null);
      expect(printed.length).toBe(expectations.length);
      expectations.forEach((expected, k) => {
        if (expected !== null) expect(printed[k], `console.log #${k + 1}`).toBe(expected);
      });
    },
  );
});
