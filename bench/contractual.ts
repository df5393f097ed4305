/**
 * Contractual retention (targets from the "Contractual retention: sBG and BdW" issue):
 *
 * - fit the sBG on 100 cohorts of 120 periods each (validation included): < 20 ms;
 * - residual value (DERL, in money) of 1,000,000 subscribers grouped by tenure: < 100 ms, timed from
 *   one tenure per subscriber (grouping included) to the base's Money total.
 *
 * Also reported, without targets: the BdW fit on the same data, the BdW base valuation, and
 * `derlByTenure` straight over the 1,000,000 tenures.
 *
 *   npm run bench -- contractual
 */
import { betaDiscreteWeibull } from '../src/models/beta-discrete-weibull/index.js';
import { shiftedBetaGeometric } from '../src/models/shifted-beta-geometric/index.js';
import { money } from '../src/money/index.js';
import { subscriberBaseValue, subscribersByTenure } from '../src/valuation/contractual.js';
import { type BenchResult, below, medianMs } from './harness.js';
import { lcg } from './support.js';

const SBG = { alpha: 0.704, beta: 1.182 };
const BDW = { alpha: 0.8, beta: 2.2, c: 1.3 };

export async function run(): Promise<BenchResult[]> {
  const cohorts = Array.from({ length: 100 }, (_, i) => ({
    cohort: `c${i}`,
    size: 1000,
    periods: 120,
  }));
  const data = shiftedBetaGeometric.simulate(SBG, { cohorts, seed: 1 });
  const bdwData = betaDiscreteWeibull.simulate(BDW, { cohorts, seed: 1 });
  const sbgFit = medianMs(() => shiftedBetaGeometric.fit(data), { runs: 21 });
  const bdwFit = medianMs(() => betaDiscreteWeibull.fit(bdwData), { runs: 11 });

  // One million monthly subscribers with tenures 0..119 months, skewed to the young.
  const next = lcg(7);
  const tenures = new Int32Array(1_000_000);
  for (let i = 0; i < tenures.length; i += 1) tenures[i] = Math.floor(120 * next() ** 2);
  const margin = money('12.5', 'USD');
  const discountRate = 0.00797;
  const valueBase = (
    model: typeof shiftedBetaGeometric | typeof betaDiscreteWeibull,
    params: object,
  ) =>
    subscriberBaseValue({
      model,
      params,
      margin,
      discountRate,
      subscribers: subscribersByTenure(tenures),
    } as never);
  const sbgBase = medianMs(() => valueBase(shiftedBetaGeometric, SBG), { runs: 15 });
  const bdwBase = medianMs(() => valueBase(betaDiscreteWeibull, BDW), { runs: 9 });
  const rawDerl = medianMs(
    () => shiftedBetaGeometric.derlByTenure(SBG, { periodsSurvived: tenures, discountRate }),
    { runs: 9 },
  );

  return [
    below('sBG fit, 100 cohorts x 120 periods', sbgFit, 'ms', 20),
    below('DERL in money, 1,000,000 subscribers grouped by tenure (sBG)', sbgBase, 'ms', 100),
    { name: 'BdW fit, 100 cohorts x 120 periods', value: bdwFit, unit: 'ms' },
    {
      name: 'DERL in money, 1,000,000 subscribers grouped by tenure (BdW)',
      value: bdwBase,
      unit: 'ms',
    },
    { name: 'sBG derlByTenure over 1,000,000 ungrouped tenures', value: rawDerl, unit: 'ms' },
  ];
}
