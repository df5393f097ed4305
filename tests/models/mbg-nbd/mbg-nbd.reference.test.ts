import { beforeAll, expect, it } from 'vitest';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import { bgNbd } from '../../../src/models/bg-nbd/index.js';
import { type MbgNbdFit, mbgNbd } from '../../../src/models/mbg-nbd/index.js';
import { describeWithData } from '../../helpers/shared-data.js';
import {
  CDNOW_FILES,
  cdnowExactRows,
  cdnowSummaryExactWeeks,
  cdnowSummaryRounded,
} from '../helpers/cdnow.js';
import { referenceJson } from '../helpers/reference.js';

function paramsOf(list: readonly number[]) {
  const [r, alpha, a, b] = list;
  return { r: r!, alpha: alpha!, a: a!, b: b! };
}

describeWithData(
  'MBG/NBD on CDNOW: the derived MLE and holdout',
  [CDNOW_FILES.sample, CDNOW_FILES.summary],
  () => {
    let exact: RfmSummary;
    let fitted: MbgNbdFit;
    beforeAll(() => {
      exact = cdnowSummaryExactWeeks();
      fitted = mbgNbd.fit(exact);
    });

    it('the MLE on exact weeks: params to 1e-4 relative, LL to 1e-4 of the 40-digit optimum', () => {
      const mle = referenceJson()['mbgnbd.mle'].exact;
      const want = paramsOf(mle.params);
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(fitted.params[name] - want[name]) / want[name]).toBeLessThan(1e-4);
      }
      expect(Math.abs(fitted.logLikelihood - mle.LL)).toBeLessThan(1e-4);
      expect(fitted.diagnostics.converged).toBe(true);
      expect(fitted.model).toBe('mbg-nbd');
    });

    it('the MLE on the rounded summary file', () => {
      const mle = referenceJson()['mbgnbd.mle'].rounded;
      const f = mbgNbd.fit(cdnowSummaryRounded());
      const want = paramsOf(mle.params);
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(f.params[name] - want[name]) / want[name]).toBeLessThan(1e-4);
      }
      expect(Math.abs(f.logLikelihood - mle.LL)).toBeLessThan(1e-4);
    });

    it('fits CDNOW a little better than BG/NBD (one more way to drop out, same parameter count)', () => {
      const bg = bgNbd.fit(exact);
      expect(fitted.logLikelihood).toBeGreaterThan(bg.logLikelihood);
      expect(fitted.logLikelihood - bg.logLikelihood).toBeLessThan(1);
    });

    it('holdout means by calibration frequency (0..6, 7+) at the MLE', () => {
      const pred = referenceJson()['mbgnbd.predictions'];
      const p = paramsOf(pred.params);
      const rows = cdnowExactRows();
      (pred.holdout_mean_by_frequency as number[]).forEach((want, g) => {
        const members = rows.filter((r) => (g === 7 ? r.x >= 7 : r.x === g));
        const mean =
          members.reduce(
            (s, r) =>
              s + mbgNbd.expectedPurchases(p, { frequency: r.x, recency: r.tx, T: r.T }, 39),
            0,
          ) / members.length;
        expect(Math.abs(mean - want) / want).toBeLessThan(1e-9);
      });
    });
  },
);
