/**
 * Gamma-Gamma: fitting, log-likelihood evaluation, scoring and the correlation check (target from
 * the "Non-contractual CLV" issue: the fit on CDNOW < 3 ms).
 *
 * - fit on the CDNOW repeat buyers (946 of 2,357 customers, exact mean spends from
 *   CDNOW_sample.txt; two default starts, standard errors included): < 3 ms;
 * - the same fit with q > 1 constrained;
 * - one LL evaluation and one LL + gradient evaluation over the 946 buyers;
 * - fit on 100,000 simulated repeat customers;
 * - E(M) for 1,000,000 customers; spendFrequencyCorrelation on CDNOW.
 *
 * Every fit timing includes reading the monetary values off the summary rows and validating them
 * (one O(n) pass). Wall medians after warm-up, CPU-time medians beside them (shared machine).
 *
 *   npm run bench -- gamma-gamma
 */
import { readTransactionsCsv, rfmSummary, rfmSummaryFromRows } from '../src/data/index.js';
import { prepareSpendData } from '../src/models/gamma-gamma/data.js';
import { gammaGamma, spendFrequencyCorrelation } from '../src/models/gamma-gamma/index.js';
import { gammaGammaLogLikelihoodPrepared } from '../src/models/gamma-gamma/likelihood.js';
import { sharedDataFile } from '../tests/helpers/shared-data.js';
import { type BenchResult, below, medianMs } from './harness.js';
import { medianCpuMs, microsPerCall } from './support.js';

const CDNOW = { p: 6.24957, q: 3.74422, gamma: 15.4435 };

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const path = sharedDataFile('CDNOW_sample.txt');
  if (path === undefined) {
    return [
      { name: 'Gamma-Gamma benchmarks skipped: CDNOW_sample.txt not found', value: 0, unit: 'ms' },
    ];
  }
  const log = await readTransactionsCsv(path, {
    currency: 'USD',
    delimiter: 'whitespace',
    columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
    dateFormat: 'yyyymmdd',
  });
  const cdnow = rfmSummary(log, {
    timeUnit: 'week',
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
  });

  const fitCdnow = () => gammaGamma.fit(cdnow);
  results.push(
    below(
      'Gamma-Gamma fit on CDNOW (946 repeat buyers), wall',
      medianMs(fitCdnow, { runs: 41, warmup: 10 }),
      'ms',
      3,
    ),
  );
  results.push({
    name: 'Gamma-Gamma fit on CDNOW, CPU time',
    value: medianCpuMs(fitCdnow, 41, 10),
    unit: 'ms',
  });
  results.push({
    name: 'Gamma-Gamma fit on CDNOW with q > 1 constrained, wall',
    value: medianMs(() => gammaGamma.fit(cdnow, { qConstraint: true }), { runs: 21, warmup: 5 }),
    unit: 'ms',
  });

  const data = prepareSpendData(cdnow, 'bench', true);
  // Two γ values in turn, so that the per-γ cache of the row sums never hits.
  const scaled = [0.999, 1.001].map((f) => ({ ...CDNOW, gamma: (f * CDNOW.gamma) / data.scale }));
  const gradient = new Float64Array(3);
  let turn = 0;
  results.push({
    name: 'Gamma-Gamma LL evaluation on CDNOW (946 buyers)',
    value: microsPerCall(() => gammaGammaLogLikelihoodPrepared(scaled[turn++ & 1]!, data), 2000),
    unit: 'µs',
  });
  results.push({
    name: 'Gamma-Gamma LL + gradient evaluation on CDNOW',
    value: microsPerCall(
      () => gammaGammaLogLikelihoodPrepared(scaled[turn++ & 1]!, data, gradient),
      2000,
    ),
    unit: 'µs',
  });

  const counts = rfmSummaryFromRows(
    Array.from({ length: 100_000 }, (_, i) => ({
      frequency: 1 + ((i * 7919) % 12),
      recency: 1,
      T: 2,
    })),
    { timeUnit: 'week' },
  );
  const simulated = gammaGamma.simulate(CDNOW, { summary: counts, seed: 7 });
  results.push({
    name: 'Gamma-Gamma fit on 100,000 simulated repeat customers, wall',
    value: medianMs(() => gammaGamma.fit(simulated), { runs: 5, warmup: 1 }),
    unit: 'ms',
  });

  const million = rfmSummaryFromRows(
    Array.from({ length: 1_000_000 }, (_, i) => {
      const frequency = i % 3 === 0 ? 0 : 1 + (i % 11);
      return {
        frequency,
        recency: frequency === 0 ? 0 : 1,
        T: 2,
        monetaryValue: frequency === 0 ? null : `${10 + (i % 97)}.${i % 100}`,
      };
    }),
    { timeUnit: 'week' },
  );
  results.push({
    name: 'Gamma-Gamma E(M) for 1,000,000 customers (score)',
    value: medianMs(() => gammaGamma.score(CDNOW, million), { runs: 5, warmup: 1 }),
    unit: 'ms',
  });
  results.push({
    name: 'spendFrequencyCorrelation on CDNOW (Pearson and Spearman)',
    value: medianMs(() => spendFrequencyCorrelation(cdnow), { runs: 21, warmup: 5 }),
    unit: 'ms',
  });
  return results;
}
