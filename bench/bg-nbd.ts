/**
 * BG/NBD and MBG/NBD: fitting, scoring and log-likelihood evaluation (targets from the
 * "Non-contractual CLV" and "Numerical core" issues).
 *
 * - fit on CDNOW (2,357 customers, exact weeks, from CDNOW_sample.txt): BG/NBD < 5 ms;
 * - fit on synthetic_bgnbd_100k_seed42.csv (100,000 rows): BG/NBD < 150 ms;
 * - fit on 1,000,000 mostly distinct customers (1,000 cohorts of 1,000 with distinct T): < 1.5 s;
 * - scoring 1,000,000 customers (P(alive) and E[Y(52)]): < 100 ms;
 * - one LL evaluation over CDNOW compressed (indexed patterns): < 0.1 ms; over 1,000,000
 *   uncompressed customers: < 50 ms;
 * - the same fits and scoring for MBG/NBD (reported against the BG/NBD targets).
 *
 * Every timing includes the validation of the summary (one O(n) pass), except the LL evaluations,
 * which time the likelihood kernel on data prepared once (what an optimizer iteration costs). Wall
 * medians after warm-up; this machine is shared, so CPU-time medians are reported beside them.
 *
 *   npm run bench -- bg-nbd
 */

import { rfmSummaryFromRows } from '../src/data/index.js';
import type { RfmSummary } from '../src/data/summary-types.js';
import { bgNbd } from '../src/models/bg-nbd/index.js';
import { mbgNbd } from '../src/models/mbg-nbd/index.js';
import { betaGeometricLogLikelihood } from '../src/models/shared/beta-geometric-likelihood.js';
import { indexColumns, indexPatterns, summaryRows } from '../src/models/shared/indexed-patterns.js';
import { cdnowSummaryExactWeeks, syntheticBgNbd100k } from '../tests/models/helpers/cdnow.js';
import { type BenchResult, below } from './harness.js';
import { timedWallAndCpu } from './support.js';

const CDNOW_MLE = { r: 0.2425945, alpha: 4.413602, a: 0.792922, b: 2.425907 };

function result(
  name: string,
  fn: () => unknown,
  limit: number,
  runs: number,
  warmup: number,
  per = 1,
  note = '',
): BenchResult {
  const { wall, cpu } = timedWallAndCpu(fn, runs, warmup);
  const cpuNote = `CPU ${(cpu / per).toPrecision(3)} ms`;
  return below(name, wall / per, 'ms', limit, note ? `${cpuNote}; ${note}` : cpuNote);
}

/** 1,000 cohorts of 1,000 customers with T from 20 to 78 weeks: x = 0 rows differ by T only. */
function millionCustomers(): RfmSummary {
  const rows: { frequency: number; recency: number; T: number }[] = [];
  for (let k = 0; k < 1000; k += 1) {
    const T = 20 + (58 * k) / 999;
    const cohort = bgNbd.simulate(CDNOW_MLE, { customers: 1000, T, seed: 1000 + k });
    for (const c of cohort.customers)
      rows.push({ frequency: c.frequency, recency: c.recency, T: c.T });
  }
  return rfmSummaryFromRows(rows, { timeUnit: 'week' });
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const cdnow = cdnowSummaryExactWeeks();
  const synthetic = syntheticBgNbd100k();
  const million = millionCustomers();

  for (const [label, model] of [
    ['BG/NBD', bgNbd],
    ['MBG/NBD', mbgNbd],
  ] as const) {
    results.push(
      result(`${label} fit, CDNOW (2,357 customers)`, () => model.fit(cdnow), 5, 31, 10),
    );
    results.push(
      result(`${label} fit, synthetic 100,000 customers`, () => model.fit(synthetic), 150, 7, 2),
    );
    results.push(
      result(
        `${label} fit, 1,000,000 customers (1,000 cohorts)`,
        () => model.fit(million),
        1500,
        3,
        1,
      ),
    );
    const params = model.fit(cdnow).params;
    results.push(
      result(
        `${label} score 1,000,000 customers (P(alive), E[Y(52)])`,
        () => model.score(params, million, { horizon: 52 }),
        100,
        7,
        2,
      ),
    );
  }

  // LL evaluation: the kernel on prepared data (what each optimizer step costs).
  const prepared = indexPatterns(cdnow, 'bench');
  results.push(
    result(
      'BG/NBD LL evaluation, CDNOW compressed',
      () => {
        for (let i = 0; i < 100; i += 1) betaGeometricLogLikelihood(CDNOW_MLE, prepared, 0);
      },
      0.1,
      21,
      5,
      100,
      `${prepared.size} patterns`,
    ),
  );
  const uncompressed = indexColumns(summaryRows(million, 'bench'), {
    merge: false,
    indexTimes: false,
  });
  results.push(
    result(
      'BG/NBD LL evaluation, 1,000,000 uncompressed customers',
      () => betaGeometricLogLikelihood(CDNOW_MLE, uncompressed, 0),
      50,
      11,
      3,
    ),
  );
  const gradient = new Float64Array(4);
  const both = timedWallAndCpu(
    () => betaGeometricLogLikelihood(CDNOW_MLE, uncompressed, 0, gradient),
    11,
    3,
  );
  results.push({
    name: 'BG/NBD LL and gradient, 1,000,000 uncompressed customers',
    value: both.wall,
    unit: 'ms',
    note: `CPU ${both.cpu.toPrecision(3)} ms`,
  });
  return results;
}
