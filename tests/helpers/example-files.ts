/**
 * Test helpers for the runnable examples in examples/ that the guides show: what an example says it
 * prints, what it prints, and the guide block that shows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, vi } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The files of examples/ whose names match `pattern`, sorted. */
export function exampleFiles(pattern: RegExp): string[] {
  return readdirSync(join(root, 'examples'))
    .filter((f) => pattern.test(f))
    .sort();
}

/** The text of examples/`file`. */
export function exampleCode(file: string): string {
  return readFileSync(join(root, 'examples', file), 'utf8');
}

/**
 * What an example says it prints: the trailing `// text` after the `);` that ends a console.log
 * statement (on its last line when the formatter broke it over several), or the comment lines
 * right after a statement that has none (a loop).
 */
export function expectedOutput(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^\s*(for \(.*\)\s*)?console\.log\(/.test(lines[i]!)) continue;
    let end = i;
    while (end < lines.length - 1 && !/\);( \/\/ .*)?$/.test(lines[end]!)) end += 1;
    const trailing = /\); \/\/ (.*)$/.exec(lines[end]!);
    if (trailing) out.push(trailing[1]!);
    else
      for (let j = end + 1; j < lines.length && /^\s*\/\/ /.test(lines[j]!); j += 1)
        out.push(lines[j]!.replace(/^\s*\/\/ /, ''));
    i = end;
  }
  return out;
}

/** What examples/`file` prints when it runs (console.log lines). */
export async function printedBy(file: string): Promise<string[]> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
  });
  try {
    await import(pathToFileURL(join(root, 'examples', file)).href);
  } finally {
    log.mockRestore();
  }
  return printed;
}

/** Code without its header comment and import statements. */
function body(code: string): string {
  return code
    .replace(/^\/\*\*[\s\S]*?\*\/\n/, '')
    .replace(/^import[\s\S]*?from '[^']+';\n/gm, '')
    .trim();
}

/**
 * Checks that the guide (a path from the repository root) shows examples/`file` as it is, in a ```ts
 * block marked `// examples/<file>` that imports from 'customer-asset' (imports aside).
 */
export function expectGuideShows(guide: string, file: string): void {
  const text = readFileSync(join(root, guide), 'utf8');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const shown = blocks.find((b) => b.includes(`// examples/${file}`));
  expect(shown, `a \`\`\`ts block marked // examples/${file}`).toBeDefined();
  expect(shown).toMatch(/from 'customer-asset'/);
  expect(body(shown!.replace(/^\/\/ examples\/.*\n/, ''))).toBe(body(exampleCode(file)));
}
