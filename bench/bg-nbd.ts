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
import { type BenchResult, below, medianMs } from './harness.js';

const CDNOW_MLE = { r: 0.2425945, alpha: 4.413602, a: 0.792922, b: 2.425907 };

function medianCpuMs(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
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
    const wall = medianMs(() => model.fit(cdnow), { runs: 31, warmup: 10 });
    const cpu = medianCpuMs(() => model.fit(cdnow), 31, 3);
    results.push(
      below(`${label} fit, CDNOW (2,357 customers)`, wall, 'ms', 5, `CPU ${cpu.toFixed(2)} ms`),
    );
    const wall100k = medianMs(() => model.fit(synthetic), { runs: 7, warmup: 2 });
    const cpu100k = medianCpuMs(() => model.fit(synthetic), 7, 1);
    results.push(
      below(
        `${label} fit, synthetic 100,000 customers`,
        wall100k,
        'ms',
        150,
        `CPU ${cpu100k.toFixed(1)} ms`,
      ),
    );
    const wall1m = medianMs(() => model.fit(million), { runs: 3, warmup: 1 });
    results.push(below(`${label} fit, 1,000,000 customers (1,000 cohorts)`, wall1m, 'ms', 1500));
    const params = model === bgNbd ? CDNOW_MLE : model.fit(cdnow).params;
    const score = medianMs(() => model.score(params, million, { horizon: 52 }), {
      runs: 7,
      warmup: 2,
    });
    results.push(
      below(`${label} score 1,000,000 customers (P(alive), E[Y(52)])`, score, 'ms', 100),
    );
  }

  // LL evaluation: the kernel on prepared data (what each optimizer step costs).
  const prepared = indexPatterns(cdnow, 'bench');
  const perEval =
    medianMs(
      () => {
        for (let i = 0; i < 100; i += 1) betaGeometricLogLikelihood(CDNOW_MLE, prepared, 0);
      },
      { runs: 21, warmup: 5 },
    ) / 100;
  results.push(
    below(
      'BG/NBD LL evaluation, CDNOW compressed',
      perEval,
      'ms',
      0.1,
      `${prepared.size} patterns`,
    ),
  );
  const raw = summaryRows(million, 'bench');
  const uncompressed = indexColumns(raw, { merge: false, indexTimes: false });
  const perEvalMillion = medianMs(() => betaGeometricLogLikelihood(CDNOW_MLE, uncompressed, 0), {
    runs: 11,
    warmup: 3,
  });
  results.push(
    below('BG/NBD LL evaluation, 1,000,000 uncompressed customers', perEvalMillion, 'ms', 50),
  );
  const withGradient = new Float64Array(4);
  const perEvalGradient = medianMs(
    () => betaGeometricLogLikelihood(CDNOW_MLE, uncompressed, 0, withGradient),
    { runs: 11, warmup: 3 },
  );
  results.push({
    name: 'BG/NBD LL and gradient, 1,000,000 uncompressed customers',
    value: perEvalGradient,
    unit: 'ms',
  });
  return results;
}
