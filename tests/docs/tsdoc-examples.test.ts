import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractTsDocExamples } from './examples-extract.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workDir = join(root, '.tmp', 'tsdoc-examples');
const entry = join(root, 'src', 'index.ts');
const examples = extractTsDocExamples(root, join(root, 'src'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// Every TSDoc @example is compiled and run against the package's public entry point, so that the
// examples in the API docs cannot drift from the code.
describe('TSDoc @example blocks run as written', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s',
    async (_name, example) => {
      expect(example.code).toMatch(/from 'customer-asset'/);
      mkdirSync(workDir, { recursive: true });
      const file = join(workDir, `${example.file.replace(/[^\w]+/g, '_')}_${example.line}.ts`);
      const code = example.code.replaceAll(
        "from 'customer-asset'",
        `from '${pathToFileURL(entry).href}'`,
      );
      writeFileSync(file, code);
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        await import(pathToFileURL(file).href);
      } finally {
        log.mockRestore();
      }
    },
  );
});
