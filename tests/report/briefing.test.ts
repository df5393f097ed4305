import { beforeAll, describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/data/parse-transactions.js';
import { rfmSummary } from '../../src/data/rfm-summary.js';
import { simulateTransactions } from '../../src/data/simulate-transactions.js';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import { gammaGamma } from '../../src/models/gamma-gamma/index.js';
import { sumMoney } from '../../src/money/arithmetic.js';
import { money } from '../../src/money/money.js';
import { briefing, safeBriefing } from '../../src/report/briefing.js';
import type { Briefing } from '../../src/report/briefing-types.js';
import { briefingSample } from '../../src/report/sample.js';
import { customerLifetimeValue } from '../../src/valuation/clv.js';

const sample = briefingSample();
let b: Briefing;
let progress: string[];

beforeAll(() => {
  progress = [];
  b = briefing({
    log: sample.log,
    company: sample.company,
    margin: sample.margin,
    discountRate: sample.discountRate,
    calibrationEnd: sample.calibrationEnd,
    acquisitionCosts: { byPeriod: sample.acquisitionCosts },
    cx: sample.cx,
    onProgress: (e) => progress.push(`${e.index}/${e.total} ${e.step}`),
  });
});

// biome-ignore lint/suspicious/noExplicitAny: the JSON figures are read by path in the assertions
const numbers = () => b.numbers as Record<string, any>;
const amount = (x: { amount: string }) => Number(x.amount);

describe('the briefing of the sample company', () => {
  it('answers the six questions, each chart it refers to present', () => {
    expect(b.sections.map((s) => s.id)).toEqual([
      'value',
      'movement',
      'customers',
      'model',
      'retention',
      'cx',
    ]);
    const ids = b.charts.map((c) => c.id);
    expect(ids).toEqual([
      'clv-deciles',
      'equity-waterfall',
      'customer-flow',
      'layer-cake',
      'retention-heatmap',
      'holdout-tracking',
      'p-alive',
      'retention-curves',
      'cx-distribution',
      'cx-tornado',
    ]);
    expect(b.sections.flatMap((s) => s.charts)).toEqual(ids);
    for (const c of b.charts) expect(c.spec.$schema).toMatch(/vega-lite\/v6/);
    expect(progress).toEqual([
      '1/7 summarise',
      '2/7 fit',
      '3/7 holdout',
      '4/7 value',
      '5/7 ledger',
      '6/7 retention',
      '7/7 cx',
    ]);
  });

  it('reads as text: no NaN, undefined, Infinity or [object Object] anywhere', () => {
    const text = JSON.stringify({
      h: b.headline,
      s: b.sections,
      a: b.assumptions,
      n: b.notes,
      c: b.charts.map((c) => c.caption),
    });
    expect(text).not.toMatch(/NaN|undefined|Infinity|\[object Object\]/);
    for (const f of [...b.headline, ...b.sections.flatMap((s) => s.figures), ...b.assumptions])
      expect(f.value.length).toBeGreaterThan(0);
  });

  it('states customer equity as the exact sum of the customers’ values, rounded half-up', () => {
    const total = sumMoney(
      b.customers.map((c) => money(c.clv, 'USD')),
      'USD',
    );
    expect(total.amount.toString()).toBe(numbers().customerEquity.value);
    const rounded = total.amount.toDecimalPlaces(0, 4).toNumber().toLocaleString('en-US');
    expect(b.headline[0]?.value).toBe(`$${rounded}`);
    expect(b.customers).toHaveLength(5000);
  });

  it('recovers the company the sample was drawn from: the true customer equity lies in the 95% interval', () => {
    const eq = numbers().customerEquity;
    const summary = rfmSummary(sample.log, {
      timeUnit: 'week',
      observationEnd: sample.observationEnd,
    });
    const truth = customerLifetimeValue({
      transactions: { model: bgNbd, params: sample.simulation.params },
      spend: { model: gammaGamma, params: sample.simulation.spend },
      summary,
      horizon: 'infinite',
      discount: { rate: sample.discountRate, per: 'year' },
      margin: sample.margin,
      currency: 'USD',
      calendar: 'gregorian-average',
    });
    const value = Number(truth.customerEquity.value.amount.toString());
    expect(value).toBeGreaterThan(Number(eq.lower));
    expect(value).toBeLessThan(Number(eq.upper));
    const fit = numbers().fit.purchase;
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(fit.params[k] - sample.simulation.params[k])).toBeLessThan(
        3 * fit.standardErrors[k],
      );
  });

  it('rolls equity forward to the same closing value and balances', () => {
    const ledger = numbers().ledger;
    expect(ledger.checks.ok).toBe(true);
    const rows = ledger.total.rows;
    expect(rows.map((r: { period: string }) => r.period)).toEqual(['2023', '2024', '2025']);
    expect(amount(rows[0].opening)).toBe(0);
    // Valued per customer in cents (the ledger) or exactly (the valuation): the same base.
    expect(Math.abs(amount(rows[2].closing) - Number(numbers().customerEquity.value))).toBeLessThan(
      5,
    );
    const waterfall = b.sections[1]!.figures;
    expect(waterfall.find((f) => f.id === 'closingEquity')?.value).toBe(b.headline[0]?.value);
  });

  it('tracks the holdout against the purchases the summary counts independently', () => {
    const h = numbers().holdout;
    const summary = rfmSummary(sample.log, {
      timeUnit: 'week',
      observationEnd: sample.observationEnd,
      calibrationEnd: sample.calibrationEnd,
    });
    const actual = summary.customers.reduce((s, c) => s + (c.holdout?.frequency ?? 0), 0);
    expect(h.totalActual).toBe(actual);
    expect(Math.abs(h.totalExpected - actual) / actual).toBeLessThan(0.1);
  });

  it('values retention more the more points it adds, and acquisition at the recent cost per customer', () => {
    const r = numbers().retention as {
      retentionPoints: number;
      retentionGain: { amount: string };
    }[];
    expect(r.map((x) => x.retentionPoints)).toEqual([0.005, 0.01, 0.02, 0.03, 0.04, 0.05]);
    for (let i = 1; i < r.length; i += 1)
      expect(amount(r[i]!.retentionGain)).toBeGreaterThan(amount(r[i - 1]!.retentionGain));
    // 2025's acquisition spend over 2025's new customers.
    const acquisition = numbers().ledger.acquisition.find(
      (a: { cohort: string }) => a.cohort === '2025',
    );
    const cac = Number(numbers().acquisitionCostPerCustomer.value.amount);
    expect(cac).toBeCloseTo(amount(acquisition.acquisitionCost) / acquisition.customers, 2);
  });

  it('values the CX programme: pays for itself, rarely reaches the 3× benchmark', () => {
    const cx = numbers().cx;
    expect(Number(cx.result.returnPerDollar)).toBeGreaterThan(1);
    expect(Number(cx.result.returnPerDollar)).toBeLessThan(3);
    expect(cx.simulation.probabilityAtLeastBenchmark).toBeGreaterThan(0.02);
    expect(cx.simulation.probabilityAtLeastBenchmark).toBeLessThan(0.5);
    expect(b.sections[5]!.lead).toContain('Customer-care programme');
  });
});

describe('briefing input', () => {
  const small = simulateTransactions({
    model: 'bg-nbd',
    params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    customers: 300,
    start: '2024-01-01',
    acquisitionEnd: '2024-12-31',
    end: '2026-01-01',
    seed: 5,
    spend: { p: 6.25, q: 3.74, gamma: 15.44 },
    currency: 'USD',
  }).log;
  const base = { log: small, margin: '0.3', discountRate: '0.1', interval: false } as const;

  it('is deterministic', () => {
    const one = briefing(base);
    const two = briefing(base);
    expect(two.numbers).toEqual(one.numbers);
    expect(two.sections).toEqual(one.sections);
    // Two years of data: a 26-week holdout by default; no CX programme, so its section says how to add one.
    expect(one.charts.map((c) => c.id)).toContain('holdout-tracking');
    expect(one.sections[5]!.charts).toEqual([]);
    expect(one.sections[5]!.lead).toMatch(/--cx/);
  });

  it('refuses bad assumptions with coded errors naming the field', () => {
    expect(() => briefing({ ...base, margin: '1.5' })).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['margin'] }),
    );
    expect(() => briefing({ ...base, discountRate: '0' })).toThrow(
      expect.objectContaining({ code: 'finance/invalid-rate' }),
    );
    expect(() => briefing({ ...base, calibrationEnd: '2026-01-01' })).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['calibrationEnd'] }),
    );
    expect(() =>
      briefing({ ...base, acquisitionCosts: { perCustomer: money('10', 'EUR') } }),
    ).toThrow(expect.objectContaining({ code: 'money/currency-mismatch' }));
    expect(() =>
      briefing({ ...base, acquisitionCosts: { byPeriod: { 'Q1 2024': money('10', 'USD') } } }),
    ).toThrow(expect.objectContaining({ code: 'input/invalid' }));
    expect(() => briefing({ ...base, period: 'week' as never })).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    const empty = parseTransactions([], { currency: 'USD' });
    expect(safeBriefing({ ...base, log: empty })).toMatchObject({
      success: false,
      error: { code: 'input/empty' },
    });
  });
});
