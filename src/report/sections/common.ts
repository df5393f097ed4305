/**
 * Helpers the briefing's sections share: presenting floats as money, figures, tables, period words.
 *
 * @internal
 */

import type { EquityMovement, EquityRow } from '../../ledger/types.js';
import { addMoney, sumMoney } from '../../money/arithmetic.js';
import { type Money, money } from '../../money/money.js';
import type { BriefingChart, BriefingFigure, BriefingTable } from '../briefing-types.js';
import type { VegaLiteSpec } from '../charts/spec.js';
import { formatMoney, formatMoneyCompact, formatPercent } from '../format.js';

/** Money from a float64 model estimate, to 6 decimals (for presentation and sums only). */
export function moneyOf(x: number, currency: string): Money {
  return money(Math.abs(x) < 5e-7 ? '0' : x.toFixed(6), currency);
}

/** Whole currency units, half-up: `$426,278`. */
export const whole = (m: Money): string => formatMoney(m, { decimals: 0 });

/** Whole currency units with an explicit sign for movements: `+$1,234`, `−$56`. */
export function signed(m: Money): string {
  const text = whole(m);
  return m.amount.isNegative() || text === whole(money('0', m.currency)) ? text : `+${text}`;
}

/** Cents: `$56.76`. */
export const cents = (m: Money): string => formatMoney(m);

/** Compact: `$426k`. */
export const compact = (m: Money): string => formatMoneyCompact(m);

/** A figure. */
export function figure(id: string, label: string, value: string, note?: string): BriefingFigure {
  return note === undefined ? { id, label, value } : { id, label, value, note };
}

/** A table; numeric columns are right-aligned unless said otherwise. */
export function table(
  id: string,
  title: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  options: { readonly align?: readonly ('left' | 'right')[]; readonly note?: string } = {},
): BriefingTable {
  const align = options.align ?? columns.map((_, i) => (i === 0 ? 'left' : 'right'));
  return options.note === undefined
    ? { id, title, columns, align, rows }
    : { id, title, columns, align, rows, note: options.note };
}

/** A chart. */
export function chart(
  id: string,
  title: string,
  caption: string,
  spec: VegaLiteSpec,
): BriefingChart {
  return { id, title, caption, spec };
}

/** The words for a period: `quarter`, `quarters`, `quarterly`. */
export function periodWords(period: 'month' | 'quarter' | 'year'): {
  one: string;
  many: string;
  adjective: string;
  perYear: number;
} {
  switch (period) {
    case 'month':
      return { one: 'month', many: 'months', adjective: 'monthly', perYear: 12 };
    case 'quarter':
      return { one: 'quarter', many: 'quarters', adjective: 'quarterly', perYear: 4 };
    case 'year':
      return { one: 'year', many: 'years', adjective: 'yearly', perYear: 1 };
  }
}

/**
 * A run of periods in words: `2025` when it is a whole calendar year of quarters or months
 * (`2025-Q1` to `2025-Q4`), else `2025-Q2 to 2026-Q1`, or the one label.
 */
export function periodSpan(first: string, last: string): string {
  if (first === last) return first;
  const year = first.slice(0, 4);
  const whole =
    last.slice(0, 4) === year &&
    ((first.endsWith('-Q1') && last.endsWith('-Q4')) ||
      (first.endsWith('-01') && last.endsWith('-12')));
  return whole ? year : `${first} to ${last}`;
}

/** `2025-03-31` → `31 March 2025`. */
export function longDate(iso: string): string {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

/**
 * One movement for a run of consecutive rows of an equity ledger: the first row's opening, every
 * line summed, the last row's closing (the ledger balances, so this one does too).
 */
export function combineEquityRows(rows: readonly EquityRow[]): EquityMovement {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const currency = first.opening.currency;
  const sum = (pick: (r: EquityRow) => Money) => sumMoney(rows.map(pick), currency);
  const revaluation = first.revaluation.map((line, i) => ({
    assumption: line.assumption,
    amount: sumMoney(
      rows.map((r) => r.revaluation[i]!.amount),
      currency,
    ),
  }));
  const acquired = sum((r) => r.acquired);
  const reactivated = sum((r) => r.reactivated);
  const lost = sum((r) => r.lost);
  const marginRealised = sum((r) => r.marginRealised);
  const unwind = sum((r) => r.unwind);
  const experience = sum((r) => r.experience);
  const difference = sum((r) => r.difference);
  return {
    opening: first.opening,
    acquired,
    reactivated,
    lost,
    marginRealised,
    unwind,
    experience,
    revaluation,
    closing: last.closing,
    difference: addMoney(difference, money('0', currency)),
  };
}

/** A rate as a percentage with as many decimals as it needs (up to 2): 30%, 12.5%, 7.25%. */
export function percent(x: number): string {
  for (const d of [0, 1])
    if (Math.abs(x * 100 - Number((x * 100).toFixed(d))) < 1e-9) return formatPercent(x, d);
  return formatPercent(x, 2);
}

/** The model's name as people write it. */
export function modelTitle(name: string): string {
  switch (name) {
    case 'bg-nbd':
      return 'BG/NBD';
    case 'mbg-nbd':
      return 'MBG/NBD';
    case 'pareto-nbd':
      return 'Pareto/NBD';
    default:
      return name;
  }
}
