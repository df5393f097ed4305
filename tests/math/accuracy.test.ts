import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type AccuracyRow, accuracyTable } from './accuracy.js';

const here = dirname(fileURLToPath(import.meta.url));
const docPath = join(here, '..', '..', 'docs', 'models', 'numerics.md');

interface DocRow {
  readonly metric: string;
  readonly cases: number;
  readonly measured: number;
  readonly bound: number;
}

/** The accuracy table of docs/models/numerics.md, keyed by "function | region". */
function docTable(): Map<string, DocRow> {
  // Cells are split on '|' and trimmed, so the table may be padded by a formatter.
  const lines = readFileSync(docPath, 'utf8').split('\n');
  const start = lines.findIndex(
    (l) =>
      l.replace(/\s+/g, ' ').trim() ===
      '| function | region | error | cases | worst measured | bound |',
  );
  if (start < 0) throw new Error('accuracy table not found in docs/models/numerics.md');
  const out = new Map<string, DocRow>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .replace(/^\|/, '')
      .replace(/\|\s*$/, '')
      .split('|')
      .map((c) => c.trim());
    const [fn, region, metric, cases, measured, bound] = cells;
    out.set(`${fn} | ${region}`, {
      metric: metric!,
      cases: Number(cases),
      measured: Number(measured),
      bound: Number(bound),
    });
  }
  return out;
}

describe('accuracy against mpmath (tests/math/vectors, table in docs/models/numerics.md)', () => {
  const rows: AccuracyRow[] = accuracyTable();
  const doc = docTable();

  it('the doc table lists exactly the measured (function, region) pairs', () => {
    expect([...doc.keys()].sort()).toEqual(rows.map((r) => `${r.fn} | ${r.region}`).sort());
  });

  it('targets: 1e-13 for ln Gamma, digamma, ln B; 1e-10 for 2F1, Gamma(a, z) and U', () => {
    for (const row of rows) {
      const target = ['gammaln', 'digamma', 'betaln'].includes(row.fn) ? 1e-13 : 1e-10;
      expect(doc.get(`${row.fn} | ${row.region}`)?.bound, row.fn).toBeLessThanOrEqual(target);
    }
  });

  for (const row of rows) {
    it(`${row.fn}, ${row.region}: worst ${row.metric} error within the documented bound`, () => {
      const documented = doc.get(`${row.fn} | ${row.region}`);
      expect(documented, 'row missing from docs/models/numerics.md').toBeDefined();
      expect(row.cases).toBeGreaterThan(0);
      expect(row.cases).toBe(documented!.cases);
      expect(documented!.metric).toBe(row.metric);
      expect(row.worst).toBeLessThanOrEqual(documented!.bound);
      // The "worst measured" column may not understate the current worst by more than 4x.
      expect(row.worst).toBeLessThanOrEqual(Math.max(4 * documented!.measured, 1e-16));
    });
  }
});
