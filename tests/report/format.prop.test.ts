import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/money.js';
import { formatMoney, formatNumber } from '../../src/report/format.js';

/** The exact decimal a presented USD amount stands for. */
function parse(text: string): bigint {
  const negative = text.startsWith('−');
  const digits = text.replace(/[−$,.]/g, '');
  return (negative ? -1n : 1n) * BigInt(digits);
}

describe('presentation laws', () => {
  it('a presented amount is the exact amount rounded half-up to cents (ties away from zero)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (milli) => {
        // milli = amount in thousandths of a dollar
        const abs = milli < 0n ? -milli : milli;
        const text = `${milli < 0n ? '-' : ''}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, '0')}`;
        const cents = parse(formatMoney(money(text, 'USD')));
        const expected = (abs / 10n + (abs % 10n >= 5n ? 1n : 0n)) * (milli < 0n ? -1n : 1n);
        expect(cents).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('thousands separators fall every three digits from the right', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = formatNumber(n);
        expect(text.replaceAll(',', '')).toBe(String(n));
        const groups = text.split(',');
        expect(groups.slice(1).every((g) => g.length === 3)).toBe(true);
        expect(groups[0]!.length).toBeGreaterThanOrEqual(1);
        expect(groups[0]!.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
