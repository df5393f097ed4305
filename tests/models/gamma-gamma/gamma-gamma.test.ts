import { describe, expect, it } from 'vitest';
import { compressSummary, rfmSummaryFromRows } from '../../../src/data/index.js';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import { gammaln } from '../../../src/math/index.js';
import { prepareSpendData } from '../../../src/models/gamma-gamma/data.js';
import { gammaGamma, spendFrequencyCorrelation } from '../../../src/models/gamma-gamma/index.js';
import { gammaGammaLogLikelihoodPrepared } from '../../../src/models/gamma-gamma/likelihood.js';

const P = { p: 6.25, q: 3.74, gamma: 15.44 };

type Row = { frequency: number; monetaryValue: string | null; count?: number };
const summaryOf = (rows: Row[]): RfmSummary =>
  rfmSummaryFromRows(
    rows.map((r) => ({ ...r, recency: r.frequency === 0 ? 0 : 5, T: 10 })),
    { timeUnit: 'week' },
  );

/** ln f(m | p, q, γ, x) as printed in note 025, eq. 3 (density of the mean). */
function printedLogDensity(params: typeof P, x: number, m: number): number {
  const { p, q, gamma } = params;
  return (
    gammaln(p * x + q) -
    gammaln(p * x) -
    gammaln(q) +
    q * Math.log(gamma) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(gamma + m * x)
  );
}

const sample: Row[] = [
  { frequency: 1, monetaryValue: '12.50' },
  { frequency: 3, monetaryValue: '40.10' },
  { frequency: 3, monetaryValue: '22.00', count: 4 },
  { frequency: 8, monetaryValue: '31.25' },
  { frequency: 0, monetaryValue: null, count: 9 },
  { frequency: 2, monetaryValue: '5.05' },
];

describe('Gamma-Gamma likelihood (note 025 eq. 3)', () => {
  it('equals the printed density summed over the repeat customers, weighted by count', () => {
    let expected = 0;
    for (const r of sample) {
      if (r.frequency > 0)
        expected += (r.count ?? 1) * printedLogDensity(P, r.frequency, Number(r.monetaryValue));
    }
    expect(gammaGamma.logLikelihood(P, summaryOf(sample))).toBeCloseTo(expected, 10);
  });

  it('the total convention is Σ ln x lower than the mean convention', () => {
    const s = summaryOf(sample);
    const sumLnX = Math.log(1) + Math.log(3) + 4 * Math.log(3) + Math.log(8) + Math.log(2);
    const mean = gammaGamma.logLikelihood(P, s, { likelihoodConvention: 'mean' });
    const total = gammaGamma.logLikelihood(P, s, { likelihoodConvention: 'total' });
    expect(mean - total).toBeCloseTo(sumLnX, 12);
  });

  it('the analytic gradient matches central differences', () => {
    const data = prepareSpendData(summaryOf(sample), 't', false);
    const g = new Float64Array(3);
    gammaGammaLogLikelihoodPrepared(P, data, g);
    (['p', 'q', 'gamma'] as const).forEach((name, i) => {
      const h = 1e-6 * P[name];
      const numeric =
        (gammaGammaLogLikelihoodPrepared({ ...P, [name]: P[name] + h }, data) -
          gammaGammaLogLikelihoodPrepared({ ...P, [name]: P[name] - h }, data)) /
        (2 * h);
      expect(Math.abs(g[i]! - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('rejects pattern summaries, missing and non-positive spends with the row named', () => {
    const s = summaryOf(sample);
    expect(() => gammaGamma.logLikelihood(P, compressSummary(s) as unknown as RfmSummary)).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['summary'] }),
    );
    const missing = summaryOf([
      { frequency: 2, monetaryValue: '3.00' },
      { frequency: 1, monetaryValue: null },
    ]);
    expect(() => gammaGamma.fit(missing)).toThrow(
      expect.objectContaining({
        code: 'input/invalid',
        path: ['summary', 'customers', 1, 'monetaryValue'],
      }),
    );
    const zero = summaryOf([{ frequency: 2, monetaryValue: '0.00' }]);
    expect(() => gammaGamma.logLikelihood(P, zero)).toThrow(
      expect.objectContaining({
        code: 'input/invalid',
        path: ['summary', 'customers', 0, 'monetaryValue'],
      }),
    );
    expect(() => gammaGamma.logLikelihood({ ...P, q: 0 }, s)).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['q'] }),
    );
  });
});

describe('Gamma-Gamma predictions (note 025 eq. 5)', () => {
  it('E(M) is the weighted average of the population mean and m_x', () => {
    const { p, q, gamma } = P;
    for (const [x, m] of [
      [1, 100],
      [3, 35],
      [20, 7.5],
    ] as const) {
      const w = (p * x) / (p * x + q - 1);
      const average = (1 - w) * ((p * gamma) / (q - 1)) + w * m;
      expect(gammaGamma.expectedSpend(P, { frequency: x, monetaryValue: m })).toBeCloseTo(
        average,
        12,
      );
    }
    expect(gammaGamma.expectedSpend(P, { frequency: 0, monetaryValue: 123 })).toBe(
      gammaGamma.populationMeanSpend(P),
    );
  });

  it('q <= 1: the population mean is infinite (model/undefined-quantity), a repeat buyer with px + q > 1 is not', () => {
    const heavy = { p: 2, q: 0.8, gamma: 10 };
    expect(() => gammaGamma.populationMeanSpend(heavy)).toThrow(
      expect.objectContaining({ code: 'model/undefined-quantity' }),
    );
    expect(() => gammaGamma.expectedSpend(heavy, { frequency: 0, monetaryValue: 0 })).toThrow(
      expect.objectContaining({ code: 'model/undefined-quantity' }),
    );
    expect(gammaGamma.expectedSpend(heavy, { frequency: 1, monetaryValue: 20 })).toBeCloseTo(
      (2 * 30) / 1.8,
      12,
    );
    expect(() =>
      gammaGamma.expectedSpend({ p: 0.1, q: 0.5, gamma: 1 }, { frequency: 2, monetaryValue: 20 }),
    ).toThrow(expect.objectContaining({ code: 'model/undefined-quantity' }));
  });

  it('score gives E(M) per row in row order and refuses a repeat customer without spend', () => {
    const s = summaryOf(sample);
    const scores = gammaGamma.score(P, s);
    expect(scores.size).toBe(sample.length);
    sample.forEach((r, i) => {
      expect(scores.expectedSpend[i]).toBe(
        gammaGamma.expectedSpend(P, {
          frequency: r.frequency,
          monetaryValue: Number(r.monetaryValue ?? 0),
        }),
      );
    });
    const missing = summaryOf([{ frequency: 1, monetaryValue: null }]);
    expect(() => gammaGamma.score(P, missing)).toThrow(
      expect.objectContaining({
        code: 'input/invalid',
        path: ['summary', 'customers', 0, 'monetaryValue'],
      }),
    );
  });
});

describe('Gamma-Gamma fit', () => {
  const truth = { p: 4, q: 3, gamma: 40 };
  const frequencies = (n: number) =>
    rfmSummaryFromRows(
      Array.from({ length: n }, (_, i) => {
        const frequency = i % 7 === 0 ? 0 : 1 + (i % 6);
        return { customerId: `c${i}`, frequency, recency: frequency === 0 ? 0 : 4, T: 20 };
      }),
      { timeUnit: 'week', currency: 'USD' },
    );

  it('gives the same p, q and a γ scaled by 100 when spend is in cents; LL shifts by −N ln 100', () => {
    const dollars = gammaGamma.simulate(truth, { summary: frequencies(3000), seed: 3 });
    const cents = rfmSummaryFromRows(
      dollars.customers.map((c) => ({
        ...c,
        monetaryValue:
          c.monetaryValue === null ? null : (Number(c.monetaryValue) * 100).toFixed(10),
      })),
      { timeUnit: 'week' },
    );
    const a = gammaGamma.fit(dollars);
    const b = gammaGamma.fit(cents);
    expect(b.params.p).toBeCloseTo(a.params.p, 5);
    expect(b.params.q).toBeCloseTo(a.params.q, 5);
    expect(b.params.gamma / 100).toBeCloseTo(a.params.gamma, 3);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood - a.observations * Math.log(100), 5);
    expect(a.notes?.customersExcluded).toBe(429);
  });

  it('qConstraint keeps q > 1 where the unconstrained optimum has q < 1', () => {
    const wild = gammaGamma.simulate(
      { p: 1.5, q: 0.7, gamma: 5 },
      { summary: frequencies(4000), seed: 9 },
    );
    const free = gammaGamma.fit(wild);
    expect(free.params.q).toBeLessThan(1);
    const constrained = gammaGamma.fit(wild, { qConstraint: true });
    expect(constrained.params.q).toBeGreaterThan(1);
    expect(constrained.logLikelihood).toBeLessThan(free.logLikelihood);
    expect(Number.isFinite(gammaGamma.populationMeanSpend(constrained.params))).toBe(true);
  });

  it('refuses too little data and bad options with coded errors', () => {
    const one = summaryOf([
      { frequency: 2, monetaryValue: '3.00' },
      { frequency: 0, monetaryValue: null },
    ]);
    const result = gammaGamma.safeFit(one);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('fit/insufficient-data');
    expect(() =>
      gammaGamma.fit(summaryOf(sample), { likelihoodConvention: 'sum' as 'mean' }),
    ).toThrow(expect.objectContaining({ code: 'input/invalid' }));
  });

  it('simulate is seeded, keeps the rows and refuses rows that stand for several customers', () => {
    const base = frequencies(50);
    const a = gammaGamma.simulate(truth, { summary: base, seed: 1 });
    const b = gammaGamma.simulate(truth, { summary: base, seed: 1 });
    expect(a).toEqual(b);
    expect(a.currency).toBe('USD');
    a.customers.forEach((c, i) => {
      expect(c.frequency).toBe(base.customers[i]!.frequency);
      expect(c.monetaryValue === null).toBe(c.frequency === 0);
    });
    expect(() =>
      gammaGamma.simulate(truth, {
        summary: summaryOf([{ frequency: 2, monetaryValue: null, count: 3 }]),
        seed: 1,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'input/invalid',
        path: ['summary', 'customers', 0, 'count'],
      }),
    );
  });
});

describe('spendFrequencyCorrelation', () => {
  it('a row with count c weighs as c identical rows', () => {
    const weighted = spendFrequencyCorrelation(summaryOf(sample));
    const expanded = spendFrequencyCorrelation(
      rfmSummaryFromRows(
        sample.flatMap((r) =>
          Array.from({ length: r.count ?? 1 }, () => ({
            frequency: r.frequency,
            recency: r.frequency === 0 ? 0 : 5,
            T: 10,
            monetaryValue: r.monetaryValue,
          })),
        ),
        { timeUnit: 'week' },
      ),
    );
    expect(weighted.customers).toBe(8);
    expect(weighted.pearson).toBeCloseTo(expanded.pearson, 12);
    expect(weighted.spearman).toBeCloseTo(expanded.spearman, 12);
  });

  it('Spearman uses mid-ranks for ties and is 1 for a monotone relation', () => {
    const monotone = summaryOf([
      { frequency: 1, monetaryValue: '10' },
      { frequency: 2, monetaryValue: '11' },
      { frequency: 2, monetaryValue: '11' },
      { frequency: 5, monetaryValue: '90' },
    ]);
    const check = spendFrequencyCorrelation(monotone);
    expect(check.spearman).toBeCloseTo(1, 12);
    expect(check.pearson).toBeLessThan(1);
    expect(check.verdict).toBe('dependence-suspected');
    expect(check.strength).toBe('strong');
    expect(check.message).toMatch(/doubtful/);
  });

  it('the threshold decides the verdict; no variation is insufficient data', () => {
    const s = summaryOf(sample);
    const check = spendFrequencyCorrelation(s);
    const largest = Math.max(Math.abs(check.pearson), Math.abs(check.spearman));
    expect(spendFrequencyCorrelation(s, { threshold: largest + 0.01 }).verdict).toBe(
      'independence-plausible',
    );
    expect(spendFrequencyCorrelation(s, { threshold: largest - 0.01 }).verdict).toBe(
      'dependence-suspected',
    );
    const flat = summaryOf([
      { frequency: 2, monetaryValue: '10' },
      { frequency: 2, monetaryValue: '12' },
      { frequency: 2, monetaryValue: '15' },
    ]);
    expect(() => spendFrequencyCorrelation(flat)).toThrow(
      expect.objectContaining({ code: 'fit/insufficient-data' }),
    );
  });
});
