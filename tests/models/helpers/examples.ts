/**
 * Runs the TSDoc `@example` blocks of some source folders and checks what each `console.log` prints
 * against the `// ...` comment on its line (strings shown quoted, a trailing "(...)" remark ignored).
 * The package root may not export a model yet, so `customer-asset` is mapped to a shim that adds the
 * given barrels to src/index.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import { extractTsDocExamples, type TsDocExample } from '../../docs/examples-extract.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The examples of the `.ts` files below `src/<dir>` for each dir. */
export function examplesOf(dirs: readonly string[]): TsDocExample[] {
  return dirs.flatMap((dir) => extractTsDocExamples(repoRoot, join(repoRoot, 'src', dir)));
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return JSON.stringify(value);
}

/** Expected printed lines, in order, from the `console.log(...); // expected` comments. */
export function expectedOutput(code: string): string[] {
  return code
    .split('\n')
    .filter((line) => /console\.log\(/.test(line) && /\/\/ /.test(line))
    .map((line) =>
      line
        .slice(line.lastIndexOf('// ') + 3)
        .replace(/\s*\([^)]*\)\s*$/, '')
        .trim(),
    );
}

/**
 * Runs one example with `customer-asset` mapped to src/index.ts plus `barrels` (paths of src barrels
 * whose names it must see) and returns the printed lines.
 */
export async function runExample(
  example: TsDocExample,
  barrels: Readonly<Record<string, readonly string[]>>,
  workName: string,
): Promise<string[]> {
  const workDir = join(repoRoot, '.tmp', workName);
  mkdirSync(workDir, { recursive: true });
  const shim = join(workDir, 'shim.ts');
  const lines = [`export * from '${pathToFileURL(join(repoRoot, 'src', 'index.ts')).href}';`];
  for (const [barrel, names] of Object.entries(barrels)) {
    lines.push(
      `export { ${names.join(', ')} } from '${pathToFileURL(join(repoRoot, barrel)).href}';`,
    );
  }
  writeFileSync(shim, `${lines.join('\n')}\n`);
  const file = join(workDir, `${example.file.replace(/[^\w]+/g, '_')}_${example.line}.ts`);
  writeFileSync(
    file,
    example.code.replaceAll("from 'customer-asset'", `from '${pathToFileURL(shim).href}'`),
  );
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(show).join(' '));
  });
  try {
    await import(pathToFileURL(file).href);
  } finally {
    log.mockRestore();
  }
  return printed;
}

/** Removes the work folder of {@link runExample}. */
export function cleanExamples(workName: string): void {
  rmSync(join(repoRoot, '.tmp', workName), { recursive: true, force: true });
}
