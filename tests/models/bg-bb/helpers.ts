/**
 * Test helpers for BG/BB: the donations data (Fader, Hardie & Shang 2010) and the derived reference
 * values of scripts/reference/bg_bb_gamma_gamma.py (mpmath, each checked a second way there).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import type { RfmSummary } from '../../../src/data/summary-types.js';

/** One donations pattern: x donations in n = 6 yearly opportunities, the last in year t_x. */
export interface DonationPattern {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly count: number;
}

/** The 22 patterns of donations.csv (11,104 donors). */
export function donationPatterns(path: string): DonationPattern[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [x, tx, n, w] = line.split(',').map(Number);
      return { frequency: x!, recency: tx!, T: n!, count: w! };
    });
}

/** donations.csv as an RFM summary in opportunities (one row per pattern, with counts). */
export function donationsSummary(path: string): RfmSummary {
  return rfmSummaryFromRows(donationPatterns(path), { timeUnit: 'period' });
}

/** Values per pattern: [x, t_x, value]. */
type PatternValues = readonly (readonly [number, number, number])[];

/** Held-out BG/BB checks derived at one parameter set. */
export interface BgBbDerived {
  readonly palive_2002: PatternValues;
  readonly palive_2001: PatternValues;
  readonly new_donor_EX10: number;
  readonly cond_exp_10y: PatternValues;
  readonly aggregate_next_5y: number;
  readonly expected_donors_by_x: readonly number[];
  readonly 'dert_0.10': PatternValues;
  readonly 'det_0.10': number;
}

/** The JSON written by scripts/reference/bg_bb_gamma_gamma.py. */
export interface DerivedReference {
  readonly 'bgbb.fit.donations': {
    alpha: number;
    beta: number;
    gamma: number;
    delta: number;
    LL: number;
  };
  readonly 'bgbb.ll.at_published': number;
  readonly 'bgbb.published': BgBbDerived;
  readonly 'bgbb.mle': BgBbDerived;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Reads scripts/reference/bg_bb_gamma_gamma.json (committed with the script that made it). */
export function derivedReference(): DerivedReference {
  const file = resolve(here, '..', '..', '..', 'scripts', 'reference', 'bg_bb_gamma_gamma.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DerivedReference;
}

/** The published donations estimates (FHS 2010, Table 2). */
export const PUBLISHED = Object.freeze({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
