import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = pathToFileURL(join(root, 'src', 'index.ts')).href;

function show(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Runs every ```ts block of a Markdown file against the package's public entry point and checks
 * that each `console.log(...); // text` prints exactly `text`: the docs cannot drift from the code.
 */
export function describeMarkdownCode(markdown: string, options: { blocks?: number } = {}): void {
  const text = readFileSync(join(root, markdown), 'utf8');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const workDir = join(root, '.tmp', 'markdown-code', markdown.replace(/[^\w]+/g, '_'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  describe(`${markdown}: its TypeScript`, () => {
    it('has TypeScript blocks that import the package', () => {
      if (options.blocks !== undefined) expect(blocks.length).toBe(options.blocks);
      else expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(block).toMatch(/from 'customer-asset'/);
    });

    it.each(blocks.map((code, i) => [i, code] as const))(
      'block %i runs as written and prints what its comments say',
      async (i, code) => {
        mkdirSync(workDir, { recursive: true });
        const file = join(workDir, `block-${i}.ts`);
        writeFileSync(file, code.replaceAll("from 'customer-asset'", `from '${entry}'`));
        const printed: string[] = [];
        const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
          printed.push(args.map(show).join(' '));
        });
        try {
          await import(pathToFileURL(file).href);
        } finally {
          log.mockRestore();
        }
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
}
