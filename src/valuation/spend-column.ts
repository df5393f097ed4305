/**
 * Expected spend per transaction, E(M | x, m_x), for every row of a summary from a spend model
 * (Gamma-Gamma), evaluated once per distinct (x, m_x) pair.
 */
import type { z } from 'zod';
import { fail } from '../core/errors.js';
import type { RfmSummary } from '../data/summary-types.js';
import type { SpendHistory, SpendScores } from '../models/spend-types.js';
import type { TransactionSummaryInput } from '../models/types.js';
import type { ValuationRows } from './valuation-rows.js';

/**
 * What valuation needs of a spend model (the `SpendModel` interface, e.g. `gammaGamma`): its name,
 * params schema, E(M | x, m_x) for one customer and, for speed, the vectorised `score` over a
 * summary.
 */
export interface SpendModelLike<Params> {
  readonly name: string;
  readonly paramsSchema: z.ZodType<Params>;
  expectedSpend(params: Params, customer: SpendHistory): number;
  score?(params: Params, data: RfmSummary): SpendScores;
}

/**
 * E(M) per row. Rows with frequency > 0 need a monetary value (`input/invalid` naming the row
 * otherwise); rows with frequency 0 are given monetaryValue 0, which the model ignores (it returns
 * the population mean).
 */
export function spendColumn<Params>(
  model: SpendModelLike<Params>,
  params: Params,
  rows: ValuationRows,
  summary: TransactionSummaryInput,
  fn: string,
): Float64Array {
  const size = rows.size;
  if (summary.kind === 'rfm-summary' && typeof model.score === 'function') {
    const scores = model.score(params, summary);
    if (scores.expectedSpend.length !== size)
      fail('model/non-finite', fn, 'the spend model scored a different number of rows', {
        expected: `${size} rows`,
        received: scores.expectedSpend.length,
      });
    return scores.expectedSpend;
  }
  const frequency = rows.frequency();
  const monetaryValue = rows.monetaryValue();
  const out = new Float64Array(size);
  const cache = new Map<number, Map<number, number>>();
  let lastX = Number.NaN;
  let lastM = Number.NaN;
  let lastValue = 0;
  for (let i = 0; i < size; i += 1) {
    const x = frequency[i]!;
    let m = monetaryValue[i]!;
    if (x === 0) m = 0;
    else if (Number.isNaN(m))
      fail('input/invalid', fn, `summary row ${i} has frequency ${x} but no monetary value`, {
        expected:
          'a monetaryValue for every customer with repeat purchases (an RFM summary built with amounts)',
        received: null,
        path: ['summary', 'customers', i, 'monetaryValue'],
      });
    if (x === lastX && m === lastM) {
      out[i] = lastValue;
      continue;
    }
    let byM = cache.get(x);
    if (byM === undefined) {
      byM = new Map();
      cache.set(x, byM);
    }
    let value = byM.get(m);
    if (value === undefined) {
      value = model.expectedSpend(params, { frequency: x, monetaryValue: m });
      if (!Number.isFinite(value))
        fail('model/non-finite', fn, `the expected spend of summary row ${i} is not finite`, {
          expected: 'a finite expected spend',
          received: value,
          path: ['summary', 'customers', i],
        });
      byM.set(m, value);
    }
    out[i] = value;
    lastX = x;
    lastM = m;
    lastValue = value;
  }
  return out;
}
