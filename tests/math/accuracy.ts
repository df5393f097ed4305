/**
 * Worst errors of the special functions against the committed mpmath reference values
 * (tests/math/vectors/*.json, made by scripts/reference/make_math_vectors.py). Shared by the accuracy
 * test and by print-accuracy-table.ts, which prints the table of docs/models/numerics.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { betaln, digamma, gammaln } from '../../src/math/gamma.js';
import { hyp2f1, logHyp2f1 } from '../../src/math/hyp2f1.js';
import {
  logTricomiUEqual,
  logUpperIncompleteGamma,
  tricomiUEqual,
  upperIncompleteGamma,
} from '../../src/math/incomplete-gamma.js';

const here = dirname(fileURLToPath(import.meta.url));

type Metric = 'relative' | 'absolute' | 'mixed';
interface Region {
  readonly metric: Metric;
  readonly bound: number;
  readonly note: string;
  readonly cases: readonly (readonly (number | null)[])[];
}
interface VectorFile {
  readonly functions: Record<string, Record<string, Region>>;
}

/** One row of the accuracy table. */
export interface AccuracyRow {
  readonly fn: string;
  readonly region: string;
  readonly metric: Metric | 'log-absolute';
  readonly cases: number;
  /** The target bound of the region (from the vector file). */
  readonly bound: number;
  readonly worst: number;
  readonly worstAt: readonly (number | null)[];
}

function load(name: string): VectorFile {
  return JSON.parse(readFileSync(join(here, 'vectors', name), 'utf8')) as VectorFile;
}

function err(metric: Metric, got: number, ref: number): number {
  const d = Math.abs(got - ref);
  if (metric === 'absolute') return d;
  if (metric === 'mixed') return d / Math.max(1, Math.abs(ref));
  return ref === 0 ? d : d / Math.abs(ref);
}

function worstOf(
  fn: string,
  region: string,
  metric: AccuracyRow['metric'],
  { cases: rows, bound }: Region,
  errorOf: (row: readonly (number | null)[]) => number | undefined,
): AccuracyRow {
  let worst = 0;
  let worstAt: readonly (number | null)[] = [];
  let cases = 0;
  for (const row of rows) {
    let e: number | undefined;
    try {
      e = errorOf(row);
    } catch {
      e = Number.POSITIVE_INFINITY;
    }
    if (e === undefined) continue;
    cases += 1;
    if (!(e <= worst)) {
      worst = Number.isNaN(e) ? Number.POSITIVE_INFINITY : e;
      worstAt = row;
    }
  }
  return { fn, region, metric, cases, bound, worst, worstAt };
}

/** Computes every (function, region) worst error. */
export function accuracyTable(): AccuracyRow[] {
  const out: AccuracyRow[] = [];
  const gamma = load('gamma.json').functions;
  const one: Record<string, (x: number) => number> = { gammaln, digamma };
  for (const name of ['gammaln', 'digamma'] as const) {
    for (const [region, r] of Object.entries(gamma[name]!)) {
      out.push(
        worstOf(name, region, r.metric, r, (row) => err(r.metric, one[name]!(row[0]!), row[1]!)),
      );
    }
  }
  for (const [region, r] of Object.entries(gamma.betaln!)) {
    out.push(
      worstOf('betaln', region, r.metric, r, (row) =>
        err(r.metric, betaln(row[0]!, row[1]!), row[2]!),
      ),
    );
  }
  const hyp = load('hyp2f1.json').functions.hyp2f1!;
  for (const [region, r] of Object.entries(hyp)) {
    out.push(
      worstOf('hyp2f1', region, 'relative', r, (row) =>
        row[4] === null
          ? undefined
          : err('relative', hyp2f1(row[0]!, row[1]!, row[2]!, row[3]!), row[4]!),
      ),
    );
    out.push(
      worstOf('logHyp2f1', region, 'log-absolute', r, (row) =>
        row[6] !== 1
          ? undefined
          : Math.abs(logHyp2f1(row[0]!, row[1]!, row[2]!, row[3]!) - row[5]!),
      ),
    );
  }
  const ig = load('incomplete-gamma.json').functions;
  const pairs = [
    ['upperIncompleteGamma', upperIncompleteGamma, logUpperIncompleteGamma],
    ['tricomiUEqual', tricomiUEqual, logTricomiUEqual],
  ] as const;
  for (const [name, f, lf] of pairs) {
    const logName = name === 'tricomiUEqual' ? 'logTricomiUEqual' : 'logUpperIncompleteGamma';
    for (const [region, r] of Object.entries(ig[name]!)) {
      out.push(
        worstOf(name, region, 'relative', r, (row) =>
          row[2] === null ? undefined : err('relative', f(row[0]!, row[1]!), row[2]!),
        ),
      );
      out.push(
        worstOf(logName, region, 'log-absolute', r, (row) =>
          Math.abs(lf(row[0]!, row[1]!) - row[3]!),
        ),
      );
    }
  }
  return out;
}
