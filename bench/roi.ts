/**
 * ROI benchmarks (targets from the issue): 100,000 Monte Carlo draws of a CX scenario over a base
 * valued by a fitted model in under 1 s, and the customer-equity-test optimum in under 10 ms.
 *
 *   npm run bench -- roi
 */

import { shiftedBetaGeometric } from '../src/models/shifted-beta-geometric/index.js';
import { money } from '../src/money/index.js';
import {
  type CxReturnInput,
  calibrateResponseCurve,
  customerEquityTest,
  cxReturn,
  simulateCxReturn,
} from '../src/roi/index.js';
import { type BenchResult, below, medianMs } from './harness.js';

const usd = (amount: string) => money(amount, 'USD');

export async function run(): Promise<BenchResult[]> {
  // A contractual base valued by an sBG fitted on Fader & Hardie's (2007) regular segment, eight
  // yearly cohorts at their survivors; every effect uncertain, ten years, 10% a year.
  const alive = [1000, 631, 468, 382, 326, 289, 262, 241];
  const fit = shiftedBetaGeometric.fit({ alive });
  const scenario: CxReturnInput = {
    investment: [usd('60000'), usd('20000'), usd('20000')],
    effects: {
      retention: { kind: 'triangular', low: -0.005, mode: 0.015, high: 0.04 },
      spend: { kind: 'normal', mean: 0.02, sd: 0.015 },
      referrals: { kind: 'range', low: 0, high: 60 },
      costToServeSaving: { kind: 'beta', alpha: 2, beta: 5, low: 0, high: 8 },
    },
    base: {
      kind: 'sbg',
      params: fit.params,
      customersByTenure: alive,
      margin: usd('200'),
      period: 'year',
    },
    horizon: 10,
    discountRate: '0.1',
  };
  const results: BenchResult[] = [];
  results.push(
    below(
      'simulateCxReturn, 100,000 draws, sBG base (8 tenure groups, 10 years, 4 uncertain levers)',
      medianMs(() => simulateCxReturn(scenario, { draws: 100_000, seed: 1 }), {
        runs: 7,
        warmup: 2,
      }),
      'ms',
      1000,
      'includes building the Chebyshev stand-in for the base value',
    ),
  );
  results.push({
    name: 'cxReturn, same scenario (decimal, Shapley attribution, IRR, break-evens)',
    value: medianMs(() => cxReturn(scenario), { runs: 9, warmup: 2 }),
    unit: 'ms',
  });
  const test = {
    margin: usd('200'),
    discountRate: '0.1',
    acquisition: calibrateResponseCurve({ current: { spend: usd('30'), rate: 0.2 }, ceiling: 0.4 }),
    retention: calibrateResponseCurve({ current: { spend: usd('20'), rate: 0.5 }, ceiling: 0.8 }),
    current: { acquisitionSpend: usd('30'), retentionSpend: usd('20') },
  };
  results.push(
    below(
      'customerEquityTest optimum (REFERENCE.md §7 calibration)',
      medianMs(() => customerEquityTest(test), { runs: 51, warmup: 5 }),
      'ms',
      10,
    ),
  );
  return results;
}
