/**
 * Runs every `@example` block of some src areas: the import from 'customer-asset' is pointed at a
 * module that re-exports the given area barrels, and each line of the form `expression; // <literal>`
 * (or `console.log(expression); // <literal>`) becomes an assertion that the expression equals the
 * literal (a string, array, number or boolean written after `//`; prose after `//` is left alone).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

interface Example {
  readonly file: string;
  readonly index: number;
  readonly code: string;
}

/** The `@example` blocks of the `.ts` files of src/<area>, in file order. */
function examples(area: string): Example[] {
  const sourceDir = join(src, area);
  const found: Example[] = [];
  for (const file of readdirSync(sourceDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const text = readFileSync(join(sourceDir, file), 'utf8');
    const pattern = /@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g;
    let index = 0;
    for (const match of text.matchAll(pattern)) {
      const code = match[1]!
        .split('\n')
        .map((line) => line.replace(/^\s*\* ?/, ''))
        .join('\n');
      found.push({ file, index: index++, code });
    }
  }
  return found;
}

/** The literal at the start of a trailing comment, or undefined when it is prose. */
function literalOf(comment: string): string | undefined {
  const patterns = [/^'(?:[^'\\]|\\.)*'/, /^\[[^\]]*\]/, /^(?:true|false|-?\d+(?:\.\d+)?)\b/];
  for (const p of patterns) {
    const m = p.exec(comment);
    if (m) return m[0];
  }
  return undefined;
}

function instrument(code: string, entryUrl: string): { source: string; checks: number } {
  let checks = 0;
  const lines = code.split('\n').map((line) => {
    const m = /^(?<expr>[^\s].*?); \/\/ (?<comment>.*)$/.exec(line);
    if (!m?.groups || /^(const|let|import)\b/.test(m.groups.expr!)) return line;
    const literal = literalOf(m.groups.comment!);
    if (literal === undefined) return line;
    checks++;
    const expr = m.groups.expr!.replace(/^console\.log\((.*)\)$/, '$1');
    return `__checks.push([${JSON.stringify(line)}, (${expr}), ${literal}]);`;
  });
  const source = lines.join('\n').replace(/from 'customer-asset'/g, `from '${entryUrl}'`);
  return {
    source: `export const __checks: [string, unknown, unknown][] = [];\n${source}\n`,
    checks,
  };
}

/** How one area's examples are run and checked. */
export interface TsDocExampleSuite {
  /** The src folder whose examples run, e.g. 'money'. */
  readonly area: string;
  /** The src barrels 'customer-asset' stands for (default: the area's own). */
  readonly barrels?: readonly string[];
  /** Fewest examples the area must have. */
  readonly minimum: number;
  /** Whether every example must carry at least one checked `// literal`. */
  readonly everyExampleChecks?: boolean;
}

/** Declares the suite "TSDoc @example blocks of src/<area> run and print what they say". */
export function describeTsDocExamples(suite: TsDocExampleSuite): void {
  const workDir = mkdtempSync(join(tmpdir(), `customer-asset-${suite.area}-examples-`));
  const entry = join(workDir, 'entry.ts');
  writeFileSync(
    entry,
    (suite.barrels ?? [suite.area])
      .map((area) => `export * from '${pathToFileURL(join(src, area, 'index.ts')).href}';`)
      .join('\n'),
  );
  const entryUrl = pathToFileURL(entry).href;
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  const all = examples(suite.area);

  describe(`TSDoc @example blocks of src/${suite.area} run and print what they say`, () => {
    it(`finds at least ${suite.minimum} examples`, () => {
      expect(all.length).toBeGreaterThanOrEqual(suite.minimum);
    });

    it.each(all.map((e) => [`${e.file} #${e.index}`, e] as const))('%s', async (_name, example) => {
      const { source, checks } = instrument(example.code, entryUrl);
      if (suite.everyExampleChecks === true) expect(checks).toBeGreaterThan(0);
      const path = join(workDir, `${example.file.replace('.ts', '')}-${example.index}.ts`);
      writeFileSync(path, source);
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const module = (await import(pathToFileURL(path).href)) as {
          __checks: [string, unknown, unknown][];
        };
        expect(module.__checks).toHaveLength(checks);
        for (const [line, actual, expected] of module.__checks)
          expect(actual, line).toEqual(expected);
      } finally {
        log.mockRestore();
      }
    });
  });
}
