import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/data/calendar.js';
import { rfmSummary } from '../../src/data/rfm-summary.js';
import {
  type SimulatedTransactions,
  safeSimulateTransactions,
  simulateTransactions,
} from '../../src/data/simulate-transactions.js';

/** Gauss ₂F₁(a, b; c; z) by its plain series (|z| < 1), to 1e-15 relative. */
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 200_000; n += 1) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) return sum;
  }
  throw new Error('hyp2f1 series did not converge');
}

interface Bg {
  r: number;
  alpha: number;
  a: number;
  b: number;
}
/** BG/NBD E[X(t)], FHL (2005) eq. 9. */
const bgNbdMean = ({ r, alpha, a, b }: Bg, t: number) =>
  ((a + b - 1) / (a - 1)) *
  (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
/** MBG/NBD E[X(t)], Batislam et al. (2007). */
const mbgNbdMean = ({ r, alpha, a, b }: Bg, t: number) =>
  (b / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
/** Pareto/NBD E[X(t)], Schmittlein et al. (1987). */
const paretoNbdMean = (
  { r, alpha, s, beta }: { r: number; alpha: number; s: number; beta: number },
  t: number,
) => ((r * beta) / (alpha * (s - 1))) * (1 - (beta / (beta + t)) ** (s - 1));

/** The CDNOW BG/NBD estimates (FHL 2005) and Pareto/NBD estimates (REFERENCE.md §2). */
const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PARETO = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const N = 20_000;

/** Mean and standard error of the mean. */
function meanAndSe(values: readonly number[]): { mean: number; se: number } {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

/** Per customer: repeat purchases as drawn, and as an RFM summary counts them (distinct days − 1). */
function repeatCounts(sim: SimulatedTransactions) {
  const days = new Map<string, Set<number>>();
  for (const t of sim.log.transactions) {
    let set = days.get(t.customerId);
    if (set === undefined) days.set(t.customerId, (set = new Set()));
    set.add(t.day);
  }
  return sim.customers.map((c) => ({
    raw: c.purchases - 1,
    merged: days.get(c.customerId)!.size - 1,
  }));
}

describe('simulateTransactions: BG/NBD moments (20,000 customers, T = 39 weeks, seed 2024)', () => {
  const sim = simulateTransactions({
    model: 'bg-nbd',
    params: BG,
    customers: N,
    start: '1997-01-01',
    end: '1997-10-01', // 273 days = 39 weeks after 1997-01-01
    seed: 2024,
  });
  const counts = repeatCounts(sim);

  it('checks the test formula against the published E[X(t)] (Hardie)', () => {
    const hardie = {
      r: 0.24259395230803,
      alpha: 4.41359091416604,
      a: 0.792919955839573,
      b: 2.42589404751842,
    };
    expect(bgNbdMean(hardie, 39)).toBeCloseTo(1.195009, 5);
    expect(bgNbdMean(hardie, 78)).toBeCloseTo(1.8579566, 5);
  });

  it('mean repeat purchases match E[X(39)] within 4 standard errors', () => {
    const expected = bgNbdMean(BG, 39);
    const { mean, se } = meanAndSe(counts.map((c) => c.raw));
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(0.02);
  });

  it('the share with no repeat purchase matches P(X(39) = 0) = 0.5737864 (BTYD)', () => {
    const zero = counts.filter((c) => c.raw === 0).length / N;
    const se = Math.sqrt((0.5737864 * (1 - 0.5737864)) / N);
    expect(Math.abs(zero - 0.5737864)).toBeLessThan(4 * se);
  });

  it('merging same-day purchases, as a days/7 summary does, loses under 3% of repeats', () => {
    const raw = counts.reduce((a, c) => a + c.raw, 0);
    const merged = counts.reduce((a, c) => a + c.merged, 0);
    expect(merged).toBeLessThan(raw);
    expect((raw - merged) / raw).toBeLessThan(0.03);
  });

  it('rfmSummary in days/7 with the same end gives T = 39 weeks and the merged repeat counts', () => {
    const summary = rfmSummary(sim.log, { timeUnit: 'week', observationEnd: '1997-10-01' });
    expect(summary.customers).toHaveLength(N);
    expect(summary.customers.every((c) => c.T === 39 && c.recency <= 39)).toBe(true);
    const frequency = summary.customers.reduce((a, c) => a + c.frequency, 0);
    expect(frequency).toBe(counts.reduce((a, c) => a + c.merged, 0));
  });

  it('puts the first purchase on the acquisition day and every purchase inside the window', () => {
    const end = parseIsoDate('1997-10-01')!;
    const first = new Map<string, number>();
    let outside = 0;
    for (const t of sim.log.transactions) {
      if (t.day >= end) outside += 1;
      if (!first.has(t.customerId)) first.set(t.customerId, t.day);
    }
    expect(outside).toBe(0);
    const wrongFirst = sim.customers.filter(
      (c) => first.get(c.customerId) !== parseIsoDate(c.acquisitionDate),
    );
    expect(wrongFirst).toEqual([]);
    expect(first.size).toBe(N);
  });

  it('records the latent truth: λ, p, and death only right after a purchase', () => {
    const c = sim.customers;
    expect(c.every((x) => x.lambda >= 0 && x.p !== undefined && x.p >= 0 && x.p <= 1)).toBe(true);
    expect(c.every((x) => x.mu === undefined)).toBe(true);
    // A BG/NBD customer cannot die at time 0.
    expect(c.some((x) => x.deathTime === 0)).toBe(false);
    const meanLambda = c.reduce((a, x) => a + x.lambda, 0) / N;
    expect(meanLambda).toBeCloseTo(BG.r / BG.alpha, 2);
  });

  it('writes a sorted, frozen log with fixed amounts of 1.00 by default', () => {
    const txs = sim.log.transactions;
    expect(txs.every((t, i) => i === 0 || t.day >= txs[i - 1]!.day)).toBe(true);
    expect(txs.every((t) => t.amount.eq(1))).toBe(true);
    expect(txs[0]!.line).toBe(1);
    expect(sim.log).toMatchObject({ currency: 'USD', timeZone: 'UTC', rejected: [] });
    expect(Object.isFrozen(sim.log.transactions[0])).toBe(true);
  });
});

describe('simulateTransactions: other models and options', () => {
  it('MBG/NBD: mean repeat purchases match E[X(39)], and some customers die at time 0', () => {
    const sim = simulateTransactions({
      model: 'mbg-nbd',
      params: BG,
      customers: N,
      start: '1997-01-01',
      end: '1997-10-01',
      seed: 7,
    });
    const { mean, se } = meanAndSe(sim.customers.map((c) => c.purchases - 1));
    expect(Math.abs(mean - mbgNbdMean(BG, 39))).toBeLessThan(4 * se);
    const diedAtZero = sim.customers.filter((c) => c.deathTime === 0).length / N;
    // P(die at 0) = E[p] = a / (a + b).
    expect(Math.abs(diedAtZero - BG.a / (BG.a + BG.b))).toBeLessThan(0.015);
  });

  it('Pareto/NBD: mean repeat purchases match E[X(t)] with acquisition spread over 12 weeks', () => {
    const sim = simulateTransactions({
      model: 'pareto-nbd',
      params: PARETO,
      customers: N,
      start: '1997-01-01',
      acquisitionEnd: '1997-03-25',
      end: '1997-10-01',
      seed: 11,
    });
    const end = parseIsoDate('1997-10-01')!;
    const expected =
      sim.customers.reduce(
        (a, c) => a + paretoNbdMean(PARETO, (end - parseIsoDate(c.acquisitionDate)!) / 7),
        0,
      ) / N;
    const { mean, se } = meanAndSe(sim.customers.map((c) => c.purchases - 1));
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    const acquired = new Set(sim.customers.map((c) => c.acquisitionDate));
    expect(acquired.size).toBe(84); // every day from Jan 1 to Mar 25
    expect(sim.customers.every((c) => c.mu !== undefined && c.p === undefined)).toBe(true);
  });

  it('checks the Pareto/NBD test formula against the published E[X(52)] (BTYD)', () => {
    const mle = { r: 0.553277, alpha: 10.5777, s: 0.60624, beta: 11.6687 };
    expect(paretoNbdMean(mle, 52)).toBeCloseTo(1.4734343, 3);
  });

  it("timeUnit 'day' reads α per day: daily α = 7 × weekly α gives the same E[X] over 273 days", () => {
    const daily = { ...BG, alpha: BG.alpha * 7 };
    const sim = simulateTransactions({
      model: 'bg-nbd',
      params: daily,
      timeUnit: 'day',
      customers: 10_000,
      start: '1997-01-01',
      end: '1997-10-01',
      seed: 3,
    });
    expect(bgNbdMean(daily, 273)).toBeCloseTo(bgNbdMean(BG, 39), 12);
    const { mean, se } = meanAndSe(sim.customers.map((c) => c.purchases - 1));
    expect(Math.abs(mean - bgNbdMean(BG, 39))).toBeLessThan(4 * se);
  });

  it('Gamma-Gamma spend: values rounded to cents with mean pγ/(q − 1)', () => {
    const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
    const sim = simulateTransactions({
      model: 'bg-nbd',
      params: BG,
      customers: N,
      start: '1997-01-01',
      end: '1997-10-01',
      seed: 5,
      spend,
    });
    expect(sim.log.transactions.every((t) => t.amount.decimalPlaces() <= 2)).toBe(true);
    // One value per customer (the first purchase) gives independent draws.
    const firsts = new Map<string, number>();
    for (const t of sim.log.transactions)
      if (!firsts.has(t.customerId)) firsts.set(t.customerId, t.amount.toNumber());
    const { mean, se } = meanAndSe([...firsts.values()]);
    const expected = (spend.p * spend.gamma) / (spend.q - 1);
    expect(expected).toBeCloseTo(35.219, 3);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    expect(sim.customers.every((c) => c.nu !== undefined && c.nu > 0)).toBe(true);
  });

  it('fixed spend in a currency with no minor units, rounded half-even', () => {
    const sim = simulateTransactions({
      model: 'pareto-nbd',
      params: PARETO,
      customers: 3,
      start: '2024-01-01',
      end: '2024-12-31',
      seed: 1,
      currency: 'JPY',
      spend: { amount: '2.5' },
    });
    expect(sim.log.currency).toBe('JPY');
    expect(sim.log.transactions.every((t) => t.amount.toString() === '2')).toBe(true);
  });

  it('a customer acquired on the end date has the first purchase only', () => {
    const sim = simulateTransactions({
      model: 'bg-nbd',
      params: { r: 50, alpha: 1, a: 1, b: 1000 },
      customers: 5,
      start: '2024-03-01',
      end: '2024-03-01',
      seed: 9,
    });
    expect(sim.log.transactions.map((t) => t.date)).toEqual(Array(5).fill('2024-03-01'));
    expect(sim.customers.every((c) => c.purchases === 1 && c.deathTime === null)).toBe(true);
  });
});

describe('simulateTransactions: errors', () => {
  const base = {
    model: 'bg-nbd',
    params: BG,
    customers: 10,
    start: '2024-01-01',
    end: '2024-06-30',
    seed: 1,
  } as const;

  it('rejects bad parameters, dates and options with input/invalid naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...base, params: { ...BG, a: -1 } }, /options\.params\.a/],
      [{ ...base, params: { r: 1, alpha: 1, s: 1, beta: 1 } }, /options\.params/],
      [{ ...base, model: 'bg-bb' }, /options\.model/],
      [{ ...base, customers: 0 }, /options\.customers/],
      [{ ...base, end: '2023-12-31' }, /options\.end is before the last acquisition date/],
      [
        { ...base, acquisitionEnd: '2023-12-01' },
        /options\.acquisitionEnd is before options\.start/,
      ],
      [{ ...base, start: '2024-02-30' }, /options\.start/],
      [{ ...base, seed: 1.5 }, /options\.seed/],
      [{ ...base, timeUnit: 'month' }, /options\.timeUnit/],
      [{ ...base, spend: { p: 1, q: 1 } }, /spend\.gamma/],
      [{ ...base, spend: { amount: '-1' } }, /spend\.amount/],
    ];
    for (const [options, pattern] of cases) {
      const result = safeSimulateTransactions(options as never);
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.error.code).toBe('input/invalid');
        expect(result.error.message).toMatch(pattern);
      }
    }
  });

  it('rejects an unknown currency', () => {
    const result = safeSimulateTransactions({ ...base, currency: 'usd' });
    expect(result.success || result.error.code).toBe('money/unknown-currency');
  });

  it('refuses a log that would exceed 5,000,000 transactions', () => {
    const result = safeSimulateTransactions({
      ...base,
      model: 'pareto-nbd',
      params: { r: 1000, alpha: 1, s: 1, beta: 1e9 },
      customers: 100,
      end: '2124-01-01',
    });
    expect(result.success || result.error.message).toMatch(/exceed 5,000,000 transactions/);
  });
});
