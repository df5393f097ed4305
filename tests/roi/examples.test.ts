/**
 * The worked examples of the two guides: each examples/roi-*.ts runs and prints what its comments
 * say, and the guide shows exactly that code (its imports from 'customer-asset' aside).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const guides: Readonly<Record<string, string>> = {
  'roi-retention-vs-acquisition.ts': 'docs/guide/retention-vs-acquisition.md',
  'roi-cx-return.ts': 'docs/guide/cx-return.md',
};
const files = readdirSync(join(root, 'examples')).filter((f) => /^roi-.*\.ts$/.test(f));

/**
 * What the example says it prints: the trailing `// text` of a console.log statement (on its last
 * line when the formatter broke it over several), or the comment lines right after a one-line
 * console.log that has none (a loop).
 */
function expectedOutput(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('console.log(')) return;
    const trailing = /\); \/\/ (.*)$/.exec(line);
    if (trailing) {
      out.push(trailing[1]!);
      return;
    }
    if (!/\);\s*$/.test(line)) {
      // A statement over several lines: its closing line carries the comment.
      for (let j = i + 1; j < lines.length; j += 1) {
        const closing = /^\s*\); \/\/ (.*)$/.exec(lines[j]!);
        if (closing) {
          out.push(closing[1]!);
          return;
        }
      }
      return;
    }
    for (let j = i + 1; j < lines.length && /^\s*\/\/ /.test(lines[j]!); j += 1)
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

describe('the ROI worked examples', () => {
  it('there is one per guide', () => {
    expect(files.sort()).toEqual(Object.keys(guides).sort());
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
    expect(expected.length).toBeGreaterThan(5);
    expect(printed).toEqual(expected);
  });

  it.each(files)('the guide shows %s as it is', (file) => {
    const code = readFileSync(join(root, 'examples', file), 'utf8');
    const guide = readFileSync(join(root, guides[file]!), 'utf8');
    const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const shown = blocks.find((b) => b.includes(`// examples/${file}`));
    expect(shown, `a \`\`\`ts block marked // examples/${file}`).toBeDefined();
    expect(shown).toMatch(/from 'customer-asset'/);
    expect(body(shown!.replace(/^\/\/ examples\/.*\n/, ''))).toBe(body(code));
  });
});
