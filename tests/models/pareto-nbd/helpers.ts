/**
 * Test helpers for the Pareto/NBD suites: the mpmath reference vectors of
 * scripts/reference/pareto_nbd_vectors.py and small summary builders.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import type { ParetoNbdParams } from '../../../src/models/pareto-nbd/index.js';

type Quad = [number, number, number, number];

interface Case {
  readonly name?: string;
  readonly params: Quad;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

/** The JSON written by scripts/reference/pareto_nbd_vectors.py. */
export interface ParetoNbdVectors {
  readonly params: Record<'mle' | 'published' | 'btyd78' | 'lifetimesGuard' | 'clvtoolsNan', Quad>;
  readonly logLikelihood: readonly (Case & { ll: number })[];
  readonly cdnowExact: { llAtPublished: number; llAtMle: number };
  readonly probabilityAlive: readonly (Case & { pAlive: number })[];
  readonly probabilityAliveFuture: readonly (Case & { t: number; pAlive: number })[];
  readonly expectedPurchases: readonly (Case & { t: number; expected: number })[];
  readonly frequencyParadox: readonly (Case & { t: number; expected: number })[];
  readonly heavyBuyers: readonly (Case & { t: number; expected: number })[];
  readonly expectedPurchasesNewCustomer: readonly { params: Quad; t: number; expected: number }[];
  readonly expectedPurchasesNewCustomerS1: { params: Quad; t: number; expected: number };
  readonly dert: {
    params: Quad;
    delta: number;
    T: number;
    customers: readonly { x: number; tx: number; dert: number }[];
    isoValueSmallTx: readonly { x: number; tx: number; dert: number }[];
    isoValueLargeTx: readonly { x: number; tx: number; dert: number }[];
  };
  readonly det: { params: Quad; delta: number; det: number };
  readonly detMle: { params: Quad; delta: number; det: number };
  readonly pmf: readonly { params: Quad; t: number; pmf: number[] }[];
  readonly pmfTail: readonly { params: Quad; t: number; n: number; p: number }[];
}

let cached: ParetoNbdVectors | undefined;

export function vectors(): ParetoNbdVectors {
  if (cached === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    cached = JSON.parse(
      readFileSync(join(here, 'vectors', 'pareto-nbd.json'), 'utf8'),
    ) as ParetoNbdVectors;
  }
  return cached;
}

/** Params from the [r, alpha, s, beta] arrays of the vectors. */
export function params(q: readonly number[]): ParetoNbdParams {
  return { r: q[0]!, alpha: q[1]!, s: q[2]!, beta: q[3]! };
}

/** A customer history from a vector case. */
export function customer(c: { x: number; tx: number; T: number }) {
  return { frequency: c.x, recency: c.tx, T: c.T };
}

/** A summary of the given (x, t_x, T) rows. */
export function summaryOf(
  rows: readonly { frequency: number; recency: number; T: number; count?: number }[],
  timeUnit: RfmSummary['timeUnit'] = 'week',
): RfmSummary {
  return rfmSummaryFromRows(rows, { timeUnit });
}

/** |a − b| / |b|. */
export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}
