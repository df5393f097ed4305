import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FittedModel } from '../../../src/core/fitted-model.js';
import { compressSummary } from '../../../src/data/index.js';
import { type ParetoNbdParams, paretoNbd } from '../../../src/models/pareto-nbd/index.js';
import { describeWithData, sharedReferenceFile } from '../../helpers/shared-data.js';
import {
  CDNOW_FILES,
  cdnowSummaryExactWeeks,
  cdnowSummaryRounded,
  syntheticBgNbd100k,
} from '../helpers/cdnow.js';
import { params, relErr, summaryOf, vectors } from './helpers.js';

interface Vector {
  id: string;
  expected: Record<string, number | number[]>;
  alternative?: Record<string, number | string>;
  inputs?: { params: number[]; t?: number[] };
  tolerance: Record<string, number>;
}

function publishedVectors(): Map<string, Vector> {
  const file = sharedReferenceFile('test-vectors.json');
  if (file === undefined) throw new Error('test-vectors.json not found beside the shared data');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] };
  return new Map(json.vectors.filter((x) => x.id.startsWith('pnbd.')).map((x) => [x.id, x]));
}

describeWithData(
  'Pareto/NBD on CDNOW (FHL 2005; BTYD; test-vectors.json pnbd.*)',
  [CDNOW_FILES.sample, CDNOW_FILES.summary],
  () => {
    let pub: Map<string, Vector>;
    let exact: FittedModel<'pareto-nbd', ParetoNbdParams>;
    beforeAll(() => {
      pub = publishedVectors();
      exact = paretoNbd.fit(cdnowSummaryExactWeeks());
    });

    it('pnbd.fit.cdnow (exact weeks): LL −9594.97618 to 0.01 (tighter: 1e-4), params to 2e-3 relative', () => {
      const vec = pub.get('pnbd.fit.cdnow')!;
      const e = vec.expected as Record<string, number>;
      expect(exact.diagnostics.converged).toBe(true);
      expect(Math.abs(exact.logLikelihood - e.LL!)).toBeLessThan(vec.tolerance.LL_abs!);
      expect(Math.abs(exact.logLikelihood - e.LL!)).toBeLessThan(1e-4);
      for (const k of ['r', 'alpha', 's', 'beta'] as const) {
        expect(relErr(exact.params[k], e[k]!)).toBeLessThan(vec.tolerance.params_rel!);
      }
      // The published three-decimal figures (0.553, 10.578, 0.606, 11.669).
      expect(exact.params.r).toBeCloseTo(0.553, 3);
      expect(exact.params.alpha).toBeCloseTo(10.578, 2);
      expect(exact.params.s).toBeCloseTo(0.606, 3);
      expect(exact.params.beta).toBeCloseTo(11.669, 2);
      expect(exact.timeUnit).toBe('week');
      expect(exact.observations).toBe(2357);
    });

    it('pnbd.fit.cdnow (rounded summary file): LL −9594.9739, params to 2e-3', () => {
      const vec = pub.get('pnbd.fit.cdnow')!;
      const alt = vec.alternative as Record<string, number>;
      const rounded = paretoNbd.fit(cdnowSummaryRounded());
      expect(Math.abs(rounded.logLikelihood - alt.LL!)).toBeLessThan(1e-3);
      for (const k of ['r', 'alpha', 's', 'beta'] as const) {
        expect(relErr(rounded.params[k], alt[k]!)).toBeLessThan(vec.tolerance.params_rel!);
      }
    });

    it('a compressed summary gives the same fit as the customer rows', () => {
      const compressed = paretoNbd.fit(compressSummary(cdnowSummaryExactWeeks()));
      expect(Math.abs(compressed.logLikelihood - exact.logLikelihood)).toBeLessThan(1e-6);
    });

    it('pnbd.ll.at_published: LL at (0.553, 10.578, 0.606, 11.669) = −9594.97626 (1e-3; mpmath: 1e-8)', () => {
      const vec = pub.get('pnbd.ll.at_published')!;
      const ll = paretoNbd.logLikelihood(params(vec.inputs!.params), cdnowSummaryExactWeeks());
      expect(Math.abs(ll - (vec.expected.LL as number))).toBeLessThan(vec.tolerance.abs!);
      expect(Math.abs(ll - vectors().cdnowExact.llAtPublished)).toBeLessThan(1e-8);
      const atMle = paretoNbd.logLikelihood(params(vectors().params.mle), cdnowSummaryExactWeeks());
      expect(Math.abs(atMle - vectors().cdnowExact.llAtMle)).toBeLessThan(1e-8);
    });

    it('pnbd.expectation: E[X(t)] at the MLE for t = 1, 39, 52, 78 (BTYD: E[X(52)] = 1.473434)', () => {
      const vec = pub.get('pnbd.expectation')!;
      const ts = vec.inputs!.t!;
      const expected = vec.expected.E_X_t as number[];
      ts.forEach((t, i) => {
        const got = paretoNbd.expectedPurchasesNewCustomer(params(vec.inputs!.params), t);
        expect(Math.abs(got - expected[i]!)).toBeLessThan(vec.tolerance.abs!);
        expect(relErr(got, expected[i]!)).toBeLessThan(1e-8);
      });
      expect(paretoNbd.expectedPurchasesNewCustomer(exact.params, 52)).toBeCloseTo(1.473434, 4);
    });

    it("standard errors agree with CLVTools' (0.0476, 0.843, 0.187, 6.21) to 2%", () => {
      const se = exact.standardErrors!;
      expect(relErr(se.r, 0.0476264)).toBeLessThan(0.02);
      expect(relErr(se.alpha, 0.8427222)).toBeLessThan(0.02);
      expect(relErr(se.s, 0.1872594)).toBeLessThan(0.02);
      expect(relErr(se.beta, 6.2105448)).toBeLessThan(0.02);
    });

    it('the fitted record survives a JSON round trip', () => {
      expect(paretoNbd.fromJSON(JSON.parse(JSON.stringify(exact)))).toEqual(exact);
    });

    it('changing the unit to 4-week periods divides α and β by 4 and shifts the LL by Σx ln 4', () => {
      const rows = cdnowSummaryExactWeeks().customers.map((c) => ({
        frequency: c.frequency,
        recency: c.recency / 4,
        T: c.T / 4,
      }));
      const four = paretoNbd.fit(summaryOf(rows, 'period'));
      expect(
        Math.abs(four.logLikelihood - (exact.logLikelihood + 2457 * Math.log(4))),
      ).toBeLessThan(1e-4);
      expect(relErr(four.params.alpha * 4, exact.params.alpha)).toBeLessThan(2e-3);
      expect(relErr(four.params.r, exact.params.r)).toBeLessThan(2e-3);
    });
  },
);

describeWithData(
  'Pareto/NBD on the 100,000-customer synthetic set',
  [CDNOW_FILES.synthetic],
  () => {
    it('converges, reports LL in weeks, and matches a fit from an explicit start', () => {
      const summary = syntheticBgNbd100k();
      const fitted = paretoNbd.fit(summary);
      expect(fitted.diagnostics.converged).toBe(true);
      expect(fitted.observations).toBe(100_000);
      const direct = paretoNbd.logLikelihood(fitted.params, summary);
      expect(Math.abs(direct - fitted.logLikelihood)).toBeLessThan(1e-6 * Math.abs(direct));
      const fromStart = paretoNbd.fit(summary, { starts: [{ r: 1, alpha: 20, s: 1, beta: 20 }] });
      expect(Math.abs(fromStart.logLikelihood - fitted.logLikelihood)).toBeLessThan(1e-4);
    });
  },
);

describe('Pareto/NBD reference vectors file', () => {
  it('was generated by the committed script', () => {
    expect(vectors().params.btyd78).toEqual([0.5629966, 12.559037, 0.4081095, 10.5148048]);
  });
});
