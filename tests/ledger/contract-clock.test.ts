import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriods, type CalendarPeriod } from '../../src/data/cohort-calendar.js';
import { cachedContractClock, contractClock } from '../../src/ledger/contractual-valuation.js';
import { day } from './helpers.js';

/** k whole periods by stepping anniversaries from the start, then the share of the next period. */
function oracle(start: number, d: number, period: CalendarPeriod): number {
  if (period === 'week') return (d - start) / 7;
  let k = 0;
  while (addPeriods(start, k + 1, period) <= d) k += 1;
  const a = addPeriods(start, k, period);
  const b = addPeriods(start, k + 1, period);
  return k + (d - a) / (b - a);
}

describe('contractClock: time in contract periods', () => {
  it('is whole on every anniversary, clamped to month ends', () => {
    const start = day('2024-01-31');
    expect(contractClock(start, day('2024-02-29'), 'month')).toBe(1);
    expect(contractClock(start, day('2024-03-31'), 'month')).toBe(2);
    expect(contractClock(start, day('2024-04-30'), 'month')).toBe(3);
    expect(contractClock(start, day('2024-03-15'), 'month')).toBe(1 + 15 / 31);
    expect(contractClock(day('2024-02-29'), day('2025-02-28'), 'year')).toBe(1);
    expect(contractClock(day('2023-11-30'), day('2024-02-29'), 'quarter')).toBe(1);
  });

  it('matches stepping through anniversaries, inside and outside the month table', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('1890-01-01'), max: day('2310-01-01') }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom<CalendarPeriod>('week', 'month', 'quarter', 'year'),
        (start, offset, period) => {
          const expected = oracle(start, start + offset, period);
          expect(contractClock(start, start + offset, period)).toBe(expected);
          const cached = cachedContractClock(period);
          // a forward walk, then a jump back, as the ledger's calls go
          for (let d = start; d <= start + offset; d += 17)
            expect(cached(start, d)).toBe(oracle(start, d, period));
          expect(cached(start, start + offset)).toBe(expected);
          expect(cached(start, start)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
