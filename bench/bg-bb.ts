/**
 * BG/BB: fitting, log-likelihood evaluation, scoring and simulation (target from the "Non-contractual
 * CLV" issue: the fit on the donations data, 11,104 donors in 22 patterns, should take about 1 ms).
 *
 * - fit on donations.csv (22 patterns, both default starts, standard errors included): ~1 ms;
 * - one LL evaluation over the 22 patterns (what an optimizer iteration costs);
 * - one LL + gradient evaluation;
 * - scoring 1,000,000 customers of a 6-opportunity panel (P(alive), E[X(n, n+5)], DERT at 10%);
 * - simulating 100,000 customers over 6 opportunities.
 *
 * Wall medians after warm-up; this machine is shared, so CPU-time medians are reported beside them.
 *
 *   npm run bench -- bg-bb
 */
import { rfmSummaryFromRows } from '../src/data/index.js';
import { bgBb } from '../src/models/bg-bb/index.js';
import { bgBbLogLikelihoodPrepared, prepareBgBbPatterns } from '../src/models/bg-bb/likelihood.js';
import { patternColumns } from '../src/models/shared/patterns.js';
import { sharedDataFile } from '../tests/helpers/shared-data.js';
import { donationPatterns } from '../tests/models/bg-bb/helpers.js';
import { type BenchResult, below, medianMs } from './harness.js';
import { medianCpuMs, microsPerCall } from './support.js';

const PUBLISHED = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const path = sharedDataFile('donations.csv');
  if (path === undefined) {
    return [{ name: 'BG/BB benchmarks skipped: donations.csv not found', value: 0, unit: 'ms' }];
  }
  const donations = rfmSummaryFromRows(donationPatterns(path), { timeUnit: 'period' });

  const fitDonations = () => bgBb.fit(donations);
  results.push(
    below(
      'BG/BB fit on donations (22 patterns, 11,104 donors), wall',
      medianMs(fitDonations, { runs: 41, warmup: 10 }),
      'ms',
      1.5,
      'target ~1 ms',
    ),
  );
  results.push({
    name: 'BG/BB fit on donations, CPU time',
    value: medianCpuMs(fitDonations, 41, 10),
    unit: 'ms',
  });
  const fitted = fitDonations();
  results.push({
    name: `BG/BB fit on donations: iterations (${fitted.diagnostics.starts} starts, best run)`,
    value: fitted.diagnostics.iterations,
    unit: 'iterations',
  });

  const data = prepareBgBbPatterns(patternColumns(donations, 'bench'), 'bench');
  const gradient = new Float64Array(4);
  results.push({
    name: 'BG/BB LL evaluation on donations (22 patterns)',
    value: microsPerCall(() => bgBbLogLikelihoodPrepared(PUBLISHED, data), 2000),
    unit: 'µs',
  });
  results.push({
    name: 'BG/BB LL + gradient evaluation on donations',
    value: microsPerCall(() => bgBbLogLikelihoodPrepared(PUBLISHED, data, gradient), 2000),
    unit: 'µs',
  });

  const panel = bgBb.simulate(PUBLISHED, { customers: 1_000_000, T: 6, seed: 1 });
  results.push({
    name: 'BG/BB score 1,000,000 customers (P(alive), E[X(n, n+5)], DERT 10%)',
    value: medianMs(() => bgBb.score(PUBLISHED, panel, { horizon: 5, discountRate: 0.1 }), {
      runs: 5,
      warmup: 1,
    }),
    unit: 'ms',
  });
  results.push({
    name: 'BG/BB simulate 100,000 customers x 6 opportunities',
    value: medianMs(() => bgBb.simulate(PUBLISHED, { customers: 100_000, T: 6, seed: 2 }), {
      runs: 5,
      warmup: 1,
    }),
    unit: 'ms',
  });
  return results;
}
