/**
 * Runs every `@example` block of src/math: each line `expr; // ... = value` (or `// value ...`)
 * asserts that expr evaluates to the value in its comment (relative 1e-13, or 1e-9 after "≈"), so
 * the examples in the TSDoc cannot drift from the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as math from '../../src/math/index.js';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'math');
const NUMBER = String.raw`-?(?:Infinity|\d+(?:\.\d+)?(?:e[-+]?\d+)?)`;

interface Example {
  readonly file: string;
  readonly code: string;
  readonly checks: number;
}

function expectedOf(comment: string): { value: number; approx: boolean } | undefined {
  const text = comment.replace(/−/g, '-');
  const approx = text.includes('≈');
  const afterEquals = [...text.matchAll(new RegExp(`=\\s*(${NUMBER})(?![\\w^])`, 'g'))];
  const last = afterEquals.at(-1);
  if (last) return { value: Number(last[1]), approx };
  const lead = text.match(new RegExp(`^(?:≈\\s*)?(${NUMBER})(?![\\w^])`));
  return lead ? { value: Number(lead[1]), approx } : undefined;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(srcDir, file), 'utf8');
    for (const m of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
      const lines = m[1]!.split('\n').map((l) => l.replace(/^\s*\*\s?/, ''));
      let checks = 0;
      const body: string[] = [];
      for (const line of lines) {
        const imp = line.match(/^import \{(.*)\} from '(.*)';$/);
        if (imp) {
          expect(imp[2], `${file}: examples import from the package root`).toBe('customer-asset');
          for (const name of imp[1]!.split(',').map((s) => s.trim())) {
            expect(Object.keys(math), `${file}: ${name} is exported`).toContain(name);
          }
          continue;
        }
        const call = line.match(/^(.*?);\s*\/\/\s*(.*)$/);
        const expected = call ? expectedOf(call[2]!) : undefined;
        if (call && expected && !/^(const|let|for)\b/.test(call[1]!)) {
          body.push(
            `__check(${call[1]}, ${expected.value}, ${expected.approx}, ${JSON.stringify(line)});`,
          );
          checks += 1;
        } else {
          body.push(line.replace(/\s*\/\/.*$/, ''));
        }
      }
      out.push({ file, code: body.join('\n'), checks });
    }
  }
  return out;
}

describe('TSDoc @example blocks of src/math run and show the right values', () => {
  const all = examples();

  it('every public function has an example', () => {
    expect(all.length).toBeGreaterThanOrEqual(16);
  });

  for (const [i, ex] of all.entries()) {
    it(`${ex.file} example ${i + 1}`, () => {
      expect(ex.checks).toBeGreaterThan(0);
      const check = (got: unknown, want: number, approx: boolean, line: string) => {
        expect(typeof got, line).toBe('number');
        const g = got as number;
        if (!Number.isFinite(want)) expect(g, line).toBe(want);
        else
          expect(Math.abs(g - want), line).toBeLessThanOrEqual(
            (approx ? 1e-9 : 1e-13) * Math.max(Math.abs(want), 1e-2),
          );
      };
      const names = Object.keys(math);
      const run = new Function(...names, '__check', ex.code);
      run(...names.map((n) => (math as Record<string, unknown>)[n]), check);
    });
  }
});
