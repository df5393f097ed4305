import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateSubscriptions } from '../../src/data/simulate-subscriptions.js';
import {
  type SimulateTransactionsOptions,
  simulateTransactions,
} from '../../src/data/simulate-transactions.js';

const models = fc.constantFrom<SimulateTransactionsOptions['model']>(
  'bg-nbd',
  'mbg-nbd',
  'pareto-nbd',
);
const seeds = fc.integer({ min: -1_000_000, max: 1_000_000 });

function options(
  model: SimulateTransactionsOptions['model'],
  seed: number,
): SimulateTransactionsOptions {
  const common = {
    customers: 40,
    start: '2024-01-01',
    acquisitionEnd: '2024-02-15',
    end: '2024-12-31',
    seed,
    spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  };
  return model === 'pareto-nbd'
    ? { model, params: { r: 2, alpha: 4, s: 0.6, beta: 11 }, ...common }
    : { model, params: { r: 2, alpha: 4, a: 0.8, b: 2.4 }, ...common };
}

/** A log as plain JSON (Decimal amounts as strings). */
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('simulateTransactions laws', () => {
  it('the same seed gives the same log', () => {
    fc.assert(
      fc.property(models, seeds, (model, seed) => {
        const a = simulateTransactions(options(model, seed));
        const b = simulateTransactions(options(model, seed));
        expect(json(b)).toEqual(json(a));
      }),
      { numRuns: 30 },
    );
  });

  it('different seeds give different logs', () => {
    fc.assert(
      fc.property(models, seeds, seeds, (model, s1, s2) => {
        fc.pre(s1 !== s2);
        const a = simulateTransactions(options(model, s1));
        const b = simulateTransactions(options(model, s2));
        expect(json(b.log)).not.toEqual(json(a.log));
      }),
      { numRuns: 30 },
    );
  });

  it('each customer has exactly `purchases` transactions, the first on the acquisition date', () => {
    fc.assert(
      fc.property(models, seeds, (model, seed) => {
        const sim = simulateTransactions(options(model, seed));
        const byCustomer = new Map<string, string[]>();
        for (const t of sim.log.transactions) {
          const list = byCustomer.get(t.customerId) ?? [];
          list.push(t.date);
          byCustomer.set(t.customerId, list);
        }
        for (const c of sim.customers) {
          const dates = byCustomer.get(c.customerId)!;
          expect(dates.length).toBe(c.purchases);
          expect(dates[0]).toBe(c.acquisitionDate);
          expect(dates.every((d) => d >= c.acquisitionDate && d <= '2024-12-31')).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('simulateSubscriptions laws', () => {
  const subs = (seed: number) =>
    simulateSubscriptions({
      params: { alpha: 0.7, beta: 1.2 },
      customers: 40,
      start: '2020-01-01',
      acquisitionEnd: '2020-06-30',
      end: '2023-12-31',
      seed,
    });

  it('the same seed gives the same events, different seeds different events', () => {
    fc.assert(
      fc.property(seeds, seeds, (s1, s2) => {
        fc.pre(s1 !== s2);
        expect(json(subs(s1))).toEqual(json(subs(s1)));
        expect(json(subs(s2).events)).not.toEqual(json(subs(s1).events));
      }),
      { numRuns: 30 },
    );
  });
});
