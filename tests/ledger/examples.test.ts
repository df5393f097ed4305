/**
 * The worked examples of docs/guide/ledger.md: each examples/ledger-*.ts runs and prints what its
 * comments say, and the guide shows exactly that code (its imports from 'customer-asset' aside).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = readdirSync(join(root, 'examples')).filter((f) => /^ledger-.*\.ts$/.test(f));

/** What the example says it prints: the trailing `// text` after the `);` that ends a console.log
 * statement, or the comment lines right after a statement that has none (a loop). */
function expectedOutput(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('console.log(')) return;
    let end = i;
    while (end < lines.length && !/\);( \/\/ .*)?$/.test(lines[end]!)) end += 1;
    const trailing = /\); \/\/ (.*)$/.exec(lines[end]!);
    if (trailing) {
      out.push(trailing[1]!);
      return;
    }
    for (let j = end + 1; j < lines.length && /^\s*\/\/ /.test(lines[j]!); j += 1)
      out.push(lines[j]!.replace(/^\s*\/\/ /, ''));
  });
  return out;
}

/** The code without its header comment and import statements. */
function body(code: string): string {
  return code
    .replace(/^\/\*\*[\s\S]*?\*\/\n/, '')
    .replace(/^import[\s\S]*?from '[^']+';\n/gm, '')
    .trim();
}

describe('the ledger worked examples', () => {
  it('there are three: counts, equity, erosion', () => {
    expect(files.sort()).toEqual(['ledger-counts.ts', 'ledger-equity.ts', 'ledger-erosion.ts']);
  });

  it.each(files)('%s prints what its comments say', async (file) => {
    const code = readFileSync(join(root, 'examples', file), 'utf8');
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
    try {
      await import(pathToFileURL(join(root, 'examples', file)).href);
    } finally {
      log.mockRestore();
    }
    const expected = expectedOutput(code);
    expect(expected.length).toBeGreaterThan(4);
    expect(printed).toEqual(expected);
  });

  it.each(files)('docs/guide/ledger.md shows %s as it is', (file) => {
    const code = readFileSync(join(root, 'examples', file), 'utf8');
    const guide = readFileSync(join(root, 'docs', 'guide', 'ledger.md'), 'utf8');
    const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const shown = blocks.find((b) => b.includes(`// examples/${file}`));
    expect(shown, `a \`\`\`ts block marked // examples/${file}`).toBeDefined();
    expect(shown).toMatch(/from 'customer-asset'/);
    expect(body(shown!.replace(/^\/\/ examples\/.*\n/, ''))).toBe(body(code));
  });
});
