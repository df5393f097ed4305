/**
 * Gamma-Gamma test data: the CDNOW repeat buyers' mean spends, from the rounded summary file
 * (zbar to cents) and rebuilt exactly from the event log through the library's own pipeline.
 */
import { readTransactionsCsv, rfmSummary, rfmSummaryFromRows } from '../../../src/data/index.js';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import { cdnowWithSpend } from '../helpers/cdnow.js';

/** cdnow_customers_summary_with_transactions.csv as a summary (zbar rounded to cents). */
export function cdnowSpendSummaryRounded(): RfmSummary {
  return rfmSummaryFromRows(
    cdnowWithSpend().map((r) => ({
      customerId: String(r.id),
      frequency: r.x,
      recency: r.tx,
      T: r.T,
      monetaryValue: r.x === 0 ? null : r.zbar.toFixed(2),
    })),
    { timeUnit: 'week', mergeBy: 'day', currency: 'USD' },
  );
}

/**
 * The CDNOW calibration summary from CDNOW_sample.txt with exact mean repeat spends (same-day
 * transactions merged and summed, weeks 1–39): the data of the published fit.
 */
export async function cdnowSpendSummaryExact(samplePath: string): Promise<RfmSummary> {
  const log = await readTransactionsCsv(samplePath, {
    currency: 'USD',
    delimiter: 'whitespace',
    columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
    dateFormat: 'yyyymmdd',
  });
  return rfmSummary(log, {
    timeUnit: 'week',
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
  });
}

/** Reference values of scripts/reference/bg_bb_gamma_gamma.py (mpmath polish of the MLE). */
export const GG_REFERENCE = Object.freeze({
  exact: {
    p: 6.24957227132,
    q: 3.74422466713,
    gamma: 15.4435209626,
    llMean: -4055.9176948,
    llTotal: -4659.29023787,
    populationMean: 35.1703712657,
    observedMean: 35.0778475337,
  },
  rounded: {
    p: 6.24880248971,
    q: 3.74458845329,
    gamma: 15.4477480095,
    llMean: -4055.9232435,
    llTotal: -4659.29578657,
    observedMean: 35.078551797,
  },
  sumLnX: 603.37254307,
  /** E(M) for rows 1..10 of the summary file at (6.24957, 3.74422, 15.4435): [id, x, zbar, E(M)]. */
  first10: [
    [1, 2, 22.35, 24.658015903],
    [2, 1, 11.77, 18.9100115963],
    [3, 0, 0.0, 35.1703705588],
    [4, 0, 0.0, 35.1703705588],
    [5, 0, 0.0, 35.1703705588],
    [6, 7, 73.74, 71.4633642982],
    [7, 1, 11.77, 18.9100115963],
    [8, 0, 0.0, 35.1703705588],
    [9, 2, 25.55, 27.2819287411],
    [10, 0, 0.0, 35.1703705588],
  ] as const,
  /** At the rounded published (6.25, 3.74, 15.44). */
  published: { x1m100: 80.255839822, x3m35: 35.0279199628, populationMean: 35.2189781022 },
  /** Pearson and Spearman of x and zbar over the 946 repeat buyers (rounded file). */
  correlation: { pearson: 0.11388391048600445, spearman: 0.2063939548174887 },
});
