/**
 * Assembles a customer ledger statement from the engines' grids: rows per series, ratios, the
 * revenue roll-forward, and the check totals.
 *
 * @internal
 */
import { formatUnits } from '../data/cohort-units.js';
import type { Money } from '../money/money.js';
import { money } from '../money/money.js';
import type { CountGrid } from './count-engine.js';
import type { Prepared } from './prepare.js';
import type { RevenueGrids } from './revenue-engine.js';
import type {
  CountMovement,
  CustomerLedger,
  LedgerChecks,
  LedgerRow,
  LedgerSeries,
  RevenueRollForward,
} from './types.js';

const REVENUE_SCALE = 4;

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function unitsRatio(numerator: bigint, denominator: bigint): number | null {
  return denominator > 0n ? Number(numerator) / Number(denominator) : null;
}

function revenueRow(grids: RevenueGrids, index: number, currency: string): RevenueRollForward {
  const v = (line: keyof RevenueGrids) => grids[line].get(index);
  const previous = v('previous');
  const acquired = v('acquired');
  const reactivated = v('reactivated');
  const expansion = v('expansion');
  const contraction = v('contraction');
  const churned = v('churned');
  const current = v('current');
  const m = (units: bigint): Money => money(formatUnits(units, REVENUE_SCALE), currency);
  return {
    previous: m(previous),
    acquired: m(acquired),
    reactivated: m(reactivated),
    expansion: m(expansion),
    contraction: m(contraction),
    churned: m(churned),
    current: m(current),
    difference: m(
      current - (previous + acquired + reactivated + expansion - contraction - churned),
    ),
    netRevenueRetention: unitsRatio(current - acquired, previous),
    grossRevenueRetention: unitsRatio(previous - contraction - churned, previous),
    quickRatio: unitsRatio(acquired + reactivated + expansion, contraction + churned),
  };
}

/** The rows of one series (grid row `r`). */
function seriesRows(
  p: Prepared,
  grid: CountGrid,
  revenue: RevenueGrids | null,
  r: number,
): LedgerRow[] {
  const { timeline } = p;
  const w = grid.width;
  const rows: LedgerRow[] = [];
  for (let s = 1; s < w; s += 1) {
    const i = r * w + s;
    const opening = grid.closing[i - 1]!;
    const acquired = grid.acquired[i]!;
    const reactivated = grid.reactivated[i]!;
    const lost = grid.lost[i]!;
    const closing = grid.closing[i]!;
    const retained = grid.retained[i]!;
    rows.push({
      period: timeline.labels[s - 1]!,
      start: timeline.starts[s - 1]!,
      end: timeline.ends[s - 1]!,
      complete: timeline.complete[s - 1]!,
      opening,
      acquired,
      reactivated,
      lost,
      closing,
      difference: closing - (opening + acquired + reactivated - lost),
      retained,
      customerRetentionRate: ratio(retained, opening),
      quickRatio: ratio(acquired + reactivated, lost),
      revenue: revenue === null ? null : revenueRow(revenue, i, p.book.currency!),
    });
  }
  return rows;
}

function summaryOf(rows: readonly LedgerRow[]): CountMovement {
  let acquired = 0;
  let reactivated = 0;
  let lost = 0;
  for (const row of rows) {
    acquired += row.acquired;
    reactivated += row.reactivated;
    lost += row.lost;
  }
  const opening = rows[0]!.opening;
  const closing = rows.at(-1)!.closing;
  return {
    opening,
    acquired,
    reactivated,
    lost,
    closing,
    difference: closing - (opening + acquired + reactivated - lost),
  };
}

function series(
  p: Prepared,
  grid: CountGrid,
  revenue: RevenueGrids | null,
  r: number,
  name: string,
  customers: number,
): LedgerSeries {
  const rows = seriesRows(p, grid, revenue, r);
  return { name, customers, rows, summary: summaryOf(rows) };
}

/** True when, for every line and slot, the rows `from..to-1` add up to row 0. */
function addsUp(grid: CountGrid, revenue: RevenueGrids | null, from: number, to: number): boolean {
  const w = grid.width;
  for (const line of [grid.acquired, grid.reactivated, grid.lost, grid.closing, grid.retained])
    for (let s = 0; s < w; s += 1) {
      let sum = 0;
      for (let r = from; r < to; r += 1) sum += line[r * w + s]!;
      if (sum !== line[s]) return false;
    }
  if (revenue !== null)
    for (const grid2 of Object.values(revenue))
      for (let s = 1; s < w; s += 1) {
        let sum = 0n;
        for (let r = from; r < to; r += 1) sum += grid2.get(r * w + s);
        if (sum !== grid2.get(s)) return false;
      }
  return true;
}

/** Builds the frozen statement (the caller deep-freezes it). */
export function countStatement(
  p: Prepared,
  grid: CountGrid,
  revenue: RevenueGrids | null,
): CustomerLedger {
  const total = series(p, grid, revenue, 0, 'total', p.book.size);
  const cohorts = p.cohorts.map((cohort, k) => ({
    ...series(p, grid, revenue, k + 1, cohort.label, cohort.size),
    start: cohort.start,
  }));
  const offset = 1 + p.cohorts.length;
  const groups =
    p.grouping === null
      ? null
      : p.grouping.labels.map((label, g) =>
          series(p, grid, revenue, offset + g, label, p.groupSizes[g]!),
        );
  const all = [total, ...cohorts, ...(groups ?? [])];
  const balanced = all.every((s) => s.rows.every((row) => row.difference === 0));
  const continuous = all.every((s) =>
    s.rows.every((row, k) => k === 0 || row.opening === s.rows[k - 1]!.closing),
  );
  const cohortsAddUp = addsUp(grid, revenue, 1, offset);
  const groupsAddUp =
    p.grouping === null ? null : addsUp(grid, revenue, offset, offset + p.grouping.labels.length);
  const revenueBalanced =
    revenue === null
      ? null
      : all.every((s) => s.rows.every((row) => row.revenue!.difference.amount.isZero()));
  const checks: LedgerChecks = {
    balanced,
    continuous,
    cohortsAddUp,
    groupsAddUp,
    revenueBalanced,
    ok:
      balanced && continuous && cohortsAddUp && groupsAddUp !== false && revenueBalanced !== false,
  };
  const currency = p.book.currency;
  return {
    source: p.book.source,
    basis: p.rule.kind === 'model' ? 'expected' : 'observed',
    lossRule: p.ruleRecord,
    period: p.timeline.period,
    weekStart: 'monday',
    start: p.timeline.starts[0]!,
    end: p.timeline.ends.at(-1)!,
    currency,
    total,
    cohorts,
    dimension: p.grouping === null ? null : { name: p.grouping.name, groups: groups! },
    unattributed:
      currency === null
        ? null
        : {
            transactions: p.book.unattributed.transactions,
            revenue: money(formatUnits(BigInt(p.book.unattributed.units), REVENUE_SCALE), currency),
          },
    checks,
  };
}
