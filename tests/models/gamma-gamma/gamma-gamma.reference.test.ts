import { beforeAll, expect, it } from 'vitest';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import {
  type GammaGammaFit,
  gammaGamma,
  spendFrequencyCorrelation,
} from '../../../src/models/gamma-gamma/index.js';
import { describeWithData } from '../../helpers/shared-data.js';
import { CDNOW_FILES } from '../helpers/cdnow.js';
import { cdnowSpendSummaryExact, cdnowSpendSummaryRounded, GG_REFERENCE } from './helpers.js';

const REF = GG_REFERENCE;

describeWithData(
  'Gamma-Gamma on the CDNOW repeat buyers (FHL 2005 JMR; Fader & Hardie note 025)',
  [CDNOW_FILES.sample, CDNOW_FILES.withSpend],
  (paths) => {
    let exact: RfmSummary;
    let rounded: RfmSummary;
    let fitted: GammaGammaFit;
    let fittedRounded: GammaGammaFit;
    beforeAll(async () => {
      exact = await cdnowSpendSummaryExact(paths[CDNOW_FILES.sample]!);
      rounded = cdnowSpendSummaryRounded();
      fitted = gammaGamma.fit(exact);
      fittedRounded = gammaGamma.fit(rounded);
    });

    it('gg.fit.cdnow: p = 6.24957, q = 3.74422, γ = 15.4435 (published 6.25, 3.74, 15.44)', () => {
      const { p, q, gamma } = fitted.params;
      expect(fitted.diagnostics.converged).toBe(true);
      expect(Math.abs(p - 6.24957)).toBeLessThan(0.01);
      expect(Math.abs(q - 3.74422)).toBeLessThan(0.01);
      expect(Math.abs(gamma - 15.4435)).toBeLessThan(0.01);
      expect(p.toFixed(2)).toBe('6.25');
      expect(q.toFixed(2)).toBe('3.74');
      expect(gamma.toFixed(2)).toBe('15.44');
      // against the mpmath-polished optimum
      expect(Math.abs(p / REF.exact.p - 1)).toBeLessThan(1e-5);
      expect(Math.abs(q / REF.exact.q - 1)).toBeLessThan(1e-5);
      expect(Math.abs(gamma / REF.exact.gamma - 1)).toBeLessThan(1e-5);
    });

    it('excludes the 1,411 customers with no repeat purchase and says so', () => {
      expect(fitted.observations).toBe(946);
      expect(fitted.notes?.customersExcluded).toBe(1411);
      expect(fitted.notes?.sumLogFrequency).toBeCloseTo(REF.sumLnX, 6);
    });

    it('LL = −4055.9177 in the mean convention and −4659.2902 in the total convention (same MLE)', () => {
      expect(fitted.notes?.likelihoodConvention).toBe('mean');
      expect(Math.abs(fitted.logLikelihood - -4055.91769)).toBeLessThan(0.01);
      expect(fitted.logLikelihood).toBeCloseTo(REF.exact.llMean, 6);
      const total = gammaGamma.fit(exact, { likelihoodConvention: 'total' });
      expect(total.notes?.likelihoodConvention).toBe('total');
      expect(Math.abs(total.logLikelihood - -4659.29024)).toBeLessThan(0.01);
      expect(total.logLikelihood).toBeCloseTo(REF.exact.llTotal, 6);
      expect(total.params.p).toBeCloseTo(fitted.params.p, 6);
      expect(Math.round(total.logLikelihood)).toBe(-4659); // the JMR paper's 39-week figure
      expect(
        gammaGamma.logLikelihood(fitted.params, exact, { likelihoodConvention: 'total' }),
      ).toBeCloseTo(total.logLikelihood, 8);
    });

    it('on the rounded summary file (zbar to cents) the LL moves by 0.0055 and params by < 0.005', () => {
      expect(fittedRounded.logLikelihood).toBeCloseTo(REF.rounded.llMean, 6);
      expect(Math.abs(fittedRounded.params.p - REF.rounded.p)).toBeLessThan(1e-4);
      expect(Math.abs(fittedRounded.params.gamma - REF.rounded.gamma)).toBeLessThan(1e-3);
      expect(Math.abs(fittedRounded.params.gamma - 15.4435)).toBeLessThan(0.01);
    });

    it('model mean pγ/(q − 1) = 35.1704 exceeds the observed mean 35.0778 by $0.09', () => {
      const modelMean = gammaGamma.populationMeanSpend(fitted.params);
      expect(modelMean).toBeCloseTo(REF.exact.populationMean, 4);
      expect(fitted.notes?.observedMeanSpend).toBeCloseTo(REF.exact.observedMean, 8);
      expect((modelMean - Number(fitted.notes?.observedMeanSpend)).toFixed(2)).toBe('0.09');
    });

    it("E(M) for the first 10 rows of Hardie's note 025 spreadsheet data", () => {
      const at = { p: 6.24957, q: 3.74422, gamma: 15.4435 };
      for (const [, x, zbar, value] of REF.first10) {
        const customer = { frequency: x, monetaryValue: zbar };
        expect(gammaGamma.expectedSpend(at, customer)).toBeCloseTo(value, 8);
        expect(Math.abs(gammaGamma.expectedSpend(fitted.params, customer) - value)).toBeLessThan(
          1e-3,
        );
      }
      const scores = gammaGamma.score(at, rounded);
      REF.first10.forEach(([, , , value], i) => {
        expect(scores.expectedSpend[i]).toBeCloseTo(value, 8);
      });
    });

    it('at the published rounded estimates: one repeat purchase of $100 → $80.26; three averaging $35 → $35.03', () => {
      const pub = { p: 6.25, q: 3.74, gamma: 15.44 };
      expect(gammaGamma.expectedSpend(pub, { frequency: 1, monetaryValue: 100 })).toBeCloseTo(
        REF.published.x1m100,
        8,
      );
      expect(gammaGamma.expectedSpend(pub, { frequency: 3, monetaryValue: 35 })).toBeCloseTo(
        REF.published.x3m35,
        8,
      );
      expect(gammaGamma.populationMeanSpend(pub)).toBeCloseTo(REF.published.populationMean, 8);
    });

    it('spend and frequency correlate weakly (JMR: 0.11), so independence is plausible', () => {
      const check = spendFrequencyCorrelation(rounded);
      expect(check.customers).toBe(946);
      expect(check.pearson).toBeCloseTo(REF.correlation.pearson, 10);
      expect(check.spearman).toBeCloseTo(REF.correlation.spearman, 10);
      expect(check.pearson.toFixed(2)).toBe('0.11');
      expect(check.verdict).toBe('independence-plausible');
      expect(check.strength).toBe('weak');
      const exactCheck = spendFrequencyCorrelation(exact);
      expect(exactCheck.pearson.toFixed(2)).toBe('0.11');
    });

    it('the q > 1 constraint leaves the CDNOW optimum (q = 3.74) unchanged', () => {
      const constrained = gammaGamma.fit(exact, { qConstraint: true });
      expect(constrained.notes?.qConstraint).toBe(true);
      expect(constrained.logLikelihood).toBeCloseTo(fitted.logLikelihood, 6);
      expect(constrained.params.q).toBeCloseTo(fitted.params.q, 4);
    });

    it('standard errors exist and the record round-trips through JSON', () => {
      const se = fitted.standardErrors!;
      expect(se.p).toBeGreaterThan(0);
      expect(se.q).toBeGreaterThan(0);
      expect(se.gamma).toBeGreaterThan(0);
      expect(gammaGamma.fromJSON(JSON.parse(JSON.stringify(fitted)))).toEqual(fitted);
    });
  },
);
