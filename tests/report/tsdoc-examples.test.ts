/**
 * Runs every `@example` block of src/report: the import from 'customer-asset' is pointed at a module
 * that re-exports the package entry and the barrels the examples use, and each line of the form
 * `expression; // <literal>` (or a `console.log(...)` of one) becomes an assertion that the
 * expression equals the literal. A `// <literal>` comment on the line after a `console.log` is
 * checked the same way.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const sourceDir = join(src, 'report');
const workDir = mkdtempSync(join(tmpdir(), 'customer-asset-report-examples-'));
const entry = join(workDir, 'entry.ts');
// The package entry plus the areas whose names the report's examples use (until the root exports
// them all, names already exported by the root win).
const areas = [
  'index.ts',
  'report/index.ts',
  'models/bg-nbd/index.ts',
  'models/holdout/index.ts',
  'roi/index.ts',
];
writeFileSync(
  entry,
  areas.map((area) => `export * from '${pathToFileURL(join(src, area)).href}';`).join('\n'),
);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Example {
  readonly file: string;
  readonly index: number;
  readonly code: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const path of walk(sourceDir).sort()) {
    const text = readFileSync(path, 'utf8');
    const pattern = /@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g;
    let index = 0;
    for (const match of text.matchAll(pattern)) {
      const code = match[1]!
        .split('\n')
        .map((line) => line.replace(/^\s*\* ?/, ''))
        .join('\n');
      found.push({ file: relative(sourceDir, path), index: index++, code });
    }
  }
  return found;
}

/** The literals of a comment: `'a' 'b'`, `1 2`, `true`. */
function literalsOf(comment: string): string[] | undefined {
  const out: string[] = [];
  let rest = comment.trim();
  while (rest.length > 0) {
    const m = /^('(?:[^'\\]|\\.)*'|true|false|-?\d+(?:\.\d+)?)(?=\s|$|:)/.exec(rest);
    if (!m) break;
    out.push(m[1]!);
    rest = rest.slice(m[1]!.length).trim();
  }
  return out.length === 0 ? undefined : out;
}

function instrument(code: string): { source: string; checks: number } {
  let checks = 0;
  const lines = code.split('\n');
  const outLines: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    let m = /^(?<expr>[^\s/].*?); \/\/ (?<comment>.*)$/.exec(line);
    let comment = m?.groups?.comment;
    let expr = m?.groups?.expr;
    if (!m && /^console\.log\(.*\);$/.test(line) && /^\/\/ /.test(lines[i + 1] ?? '')) {
      expr = line.slice(0, -1);
      comment = lines[i + 1]!.slice(3);
      m = [] as never;
    }
    if (expr === undefined || comment === undefined || /^(const|let|import)\b/.test(expr)) {
      outLines.push(line);
      continue;
    }
    const literals = literalsOf(comment);
    if (literals === undefined) {
      outLines.push(line);
      continue;
    }
    checks += 1;
    const inner = expr.replace(/^console\.log\(([\s\S]*)\)$/, '$1');
    outLines.push(
      `__checks.push([${JSON.stringify(line)}, [${inner}], [${literals.join(', ')}]]);`,
    );
  }
  const source = outLines
    .join('\n')
    .replace(/from 'customer-asset'/g, `from '${pathToFileURL(entry).href}'`);
  return {
    source: `export const __checks: [string, unknown[], unknown[]][] = [];\n${source}\n`,
    checks,
  };
}

const all = examples();

describe('TSDoc @example blocks of src/report run and print what they say', () => {
  it('finds an example for every public function', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
  });

  it.each(all.map((e) => [`${e.file} #${e.index}`, e] as const))('%s', async (_name, example) => {
    expect(example.code).toMatch(/from 'customer-asset'/);
    const { source, checks } = instrument(example.code);
    expect(checks).toBeGreaterThan(0);
    const path = join(workDir, `${example.file.replace(/[^\w]+/g, '_')}-${example.index}.ts`);
    writeFileSync(path, source);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const module = (await import(pathToFileURL(path).href)) as {
        __checks: [string, unknown[], unknown[]][];
      };
      expect(module.__checks).toHaveLength(checks);
      for (const [line, actual, expected] of module.__checks)
        expect(actual, line).toEqual(expected);
    } finally {
      log.mockRestore();
    }
  });
});
