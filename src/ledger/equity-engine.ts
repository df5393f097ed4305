/**
 * The value roll-forward engine: walks every customer through the periods in date order and books,
 * in integer units of the declared rounding, the lines of the customer-equity statement.
 *
 * For each customer the carrying amount B is the value the statement holds for them, moved only by
 * dated events (the effective-interest method of amortised-cost accounting):
 * - a gain (acquisition or reactivation) on day g books the value at gain, V(g) + margin of the gain
 *   day's purchase (the customer's CLV at that moment), and B = that value;
 * - between events B accrues interest at the valuation's discount rate on the customer's clock:
 *   unwind = B × ((1 + d)^(clock(v) − clock(u)) − 1), rounded per accrual;
 * - a payment (purchase day, renewal) books margin realised m and B −= m;
 * - a loss books the carrying amount B as value lost and B = 0 (derecognised at carrying amount);
 * - at the period end, the customer is revalued with the opening assumptions: experience = V(t1) − B
 *   (what behaviour did to the value: purchases, silence, survival), then one assumption at a time in
 *   the valuation's order: revaluation_k = V(t1; A_k) − V(t1; A_{k−1}); the last is the closing value.
 * Under the model loss rule nobody leaves the base; the share 1 − P(alive at t1)/P(alive at t0) of the
 * carrying amount is booked as value lost to expected churn before the experience line.
 *
 * Every line of a customer is rounded once and the experience line is the customer's exact balancing
 * figure, so the lines add up exactly, per customer and in every total.
 *
 * @internal
 */
import type { CalendarPeriod } from '../data/cohort-calendar.js';
import type { RoundingMode } from '../money/rounding.js';
import { CANCEL } from './book.js';
import { periodsAfter } from './contractual-valuation.js';
import { aliveBySlot } from './count-engine.js';
import { roundUnits, toUnits } from './float-rounding.js';
import { anniversary, monthOf, monthStart } from './month-table.js';
import type { Prepared } from './prepare.js';
import { inactivitySpells, maxSpellDays } from './spells.js';
import { type UnitsGrid, unitsGrid } from './units-grid.js';
import type { BoundValuation, CustomerState, CustomerValuation } from './valuation.js';

/** The valuations of one period: the opening assumptions and the revaluation steps at its end. */
export interface PeriodValuation {
  readonly opening: BoundValuation;
  /** One step per revised assumption, in revaluation order: its line index and the valuation after it. */
  readonly steps: readonly { readonly line: number; readonly bound: BoundValuation }[];
}

/** Fixed line indexes of the equity grids; revaluation lines follow from REVALUATION. */
export const ACQUIRED = 0;
export const REACTIVATED = 1;
export const LOST = 2;
export const MARGIN = 3;
export const UNWIND = 4;
export const EXPERIENCE = 5;
export const CLOSING = 6;
export const REVALUATION = 7;

/** Per line, an exact grid over rows × slots (index = row * width + slot). */
export interface EquityGrids {
  readonly width: number;
  readonly lines: readonly UnitsGrid[];
}

const LOSS_EVENT = 0;
const GAIN_EVENT = 1;
const PAY_EVENT = 2;
const REFUND_EVENT = 3;
/** The `renewal` argument of accrue for an event that is not a subscription renewal. */
const NOT_A_RENEWAL = -1;

/** Slots of the engine's float state. */
const MAGNITUDE = 0;
const CARRIED = 1;
const LAST_CLOCK = 2;
const GROWTH_RATE = 3;
const GROWTH_SPAN = 4;
const GROWTH = 5;
const LOG_GROWTH = 6;

interface Events {
  days: Int32Array;
  kinds: Uint8Array;
  amounts: Float64Array;
  n: number;
}

function grow(ev: Events, need: number): void {
  if (need <= ev.days.length) return;
  const size = Math.max(need, ev.days.length * 2);
  const days = new Int32Array(size);
  days.set(ev.days);
  const kinds = new Uint8Array(size);
  kinds.set(ev.kinds);
  const amounts = new Float64Array(size);
  amounts.set(ev.amounts);
  ev.days = days;
  ev.kinds = kinds;
  ev.amounts = amounts;
}

function push(ev: Events, day: number, kind: number, amount: number): void {
  grow(ev, ev.n + 1);
  ev.days[ev.n] = day;
  ev.kinds[ev.n] = kind;
  ev.amounts[ev.n] = amount;
  ev.n += 1;
}

/** A transaction customer's dated events: gains and losses of the rule, payments while in the base. */
function transactionEvents(p: Prepared, c: number, spells: Int32Array, ev: Events): void {
  const { book, rule, timeline } = p;
  let n = 1;
  if (rule.kind === 'inactivity') n = inactivitySpells(book, c, rule.days, timeline.endDay, spells);
  else spells[0] = book.firstDay[c]!;
  ev.n = 0;
  let j = 0;
  let inBase = false;
  for (let i = book.offsets[c]!; i < book.offsets[c + 1]!; i += 1) {
    const d = book.days[i]!;
    const amount = book.units[i]! / 1e4;
    while (j < n && j % 2 === 1 && spells[j]! <= d) {
      push(ev, spells[j]!, LOSS_EVENT, 0);
      j += 1;
      inBase = false;
    }
    if (j < n && j % 2 === 0 && spells[j] === d) {
      push(ev, d, GAIN_EVENT, amount);
      j += 1;
      inBase = true;
    } else if (inBase) push(ev, d, book.kinds[i] === 1 ? PAY_EVENT : REFUND_EVENT, amount);
  }
  for (; j < n; j += 1) push(ev, spells[j]!, LOSS_EVENT, 0);
}

/** What every subscriber's renewals are found from: computed once per ledger, not per subscriber. */
interface RenewalCalendar {
  readonly period: CalendarPeriod;
  /** Months per contract period (unused for weeks). */
  readonly months: number;
  /** The first statement day, its month, the day after the timeline ends and the month of its end. */
  readonly fromDay: number;
  readonly fromMonth: number;
  readonly endStop: number;
  readonly endStopMonth: number;
}

function renewalCalendar(p: Prepared, period: CalendarPeriod): RenewalCalendar {
  const fromDay = p.timeline.checkDays[0]!;
  return {
    period,
    months: period === 'month' ? 1 : period === 'quarter' ? 3 : 12,
    fromDay,
    fromMonth: monthOf(fromDay),
    endStop: p.timeline.endDay + 1,
    endStopMonth: monthOf(p.timeline.endDay),
  };
}

/**
 * A subscriber's dated events: starts and reactivations, renewals at each anniversary, cancellations.
 * Renewals on or before `fromDay` other than the latest are left out (they book nothing; the state
 * only needs the latest). A renewal event carries its index k in `amounts`.
 */
function subscriptionEvents(p: Prepared, c: number, cal: RenewalCalendar, ev: Events): void {
  const { book } = p;
  const { period, months, fromDay, fromMonth, endStop, endStopMonth } = cal;
  ev.n = 0;
  const a = book.offsets[c]!;
  const b = book.offsets[c + 1]!;
  for (let i = a; i < b; i += 1) {
    const d = book.days[i]!;
    if (book.kinds[i] === CANCEL) {
      push(ev, d, LOSS_EVENT, 0);
      continue;
    }
    push(ev, d, GAIN_EVENT, 0);
    const stop = Math.min(i + 1 < b ? book.days[i + 1]! : endStop, endStop);
    if (period === 'week') {
      const first = d >= fromDay ? 1 : Math.max(1, Math.floor((fromDay - d) / 7));
      for (let k = first; d + 7 * k < stop; k += 1) push(ev, d + 7 * k, PAY_EVENT, k);
      continue;
    }
    const base = monthOf(d);
    const dom = d - monthStart(base) + 1;
    const first =
      d >= fromDay ? 1 : Math.max(1, periodsAfter(base, dom, months, fromMonth, fromDay));
    // room for every renewal before `stop` at once (one check per spell, not per renewal); most
    // spells run to the end of the timeline, whose month is known
    const stopMonth = stop === endStop ? endStopMonth : monthOf(stop - 1);
    const last = Math.floor((stopMonth - base) / months);
    grow(ev, ev.n + Math.max(0, last - first + 1));
    const { days, kinds, amounts } = ev;
    let n = ev.n;
    for (let k = first; k <= last; k += 1) {
      const day = anniversary(base, dom, k * months);
      if (day >= stop) break;
      days[n] = day;
      kinds[n] = PAY_EVENT;
      amounts[n] = k;
      n += 1;
    }
    ev.n = n;
  }
}

type MutableState = { -readonly [K in keyof CustomerState]: CustomerState[K] };

/** Runs the engine. `grid` makes the exact accumulators (float64 or bigint). */
export function equityGrids(
  p: Prepared,
  valuation: CustomerValuation<Readonly<Record<string, unknown>>>,
  periods: readonly PeriodValuation[],
  lineCount: number,
  scale: number,
  mode: RoundingMode,
  fn: string,
  bound: number,
): EquityGrids & { readonly magnitude: number } {
  const { book, timeline, map, rule } = p;
  const width = timeline.count + 1;
  const lines = Array.from({ length: lineCount }, () => unitsGrid(map.rows * width, bound));
  const subscriptions = book.source === 'subscriptions';
  const period = valuation.timeUnit as CalendarPeriod;
  const calendar = subscriptions ? renewalCalendar(p, period) : null;
  const spells = new Int32Array(maxSpellDays(book) + 2);
  const ev: Events = {
    days: new Int32Array(64),
    kinds: new Uint8Array(64),
    amounts: new Float64Array(64),
    n: 0,
  };
  const alive = new Float64Array(width);
  const rowsOf = [0, 0, 0];
  const k = map.groupRow === null ? 2 : 3;
  // the walk's float state lives in a typed array, not in variables the closures capture: a captured
  // variable holding a double is boxed on every write (an allocation per booking)
  const num = new Float64Array(7);
  num[GROWTH_RATE] = Number.NaN;
  num[GROWTH_SPAN] = Number.NaN;
  // A customer's lines of the current slot, added to the grids once at the slot's end (exact while
  // magnitude stays below 2^53; in bigint mode every amount goes to the grids at once).
  const direct = bound > Number.MAX_SAFE_INTEGER;
  let slot = 0;
  const pending = new Float64Array(lineCount);
  const touched = new Int32Array(lineCount);
  let touchedCount = 0;
  // `magnitude`: Σ|units| of the bookings summed into `units` (the exactness bound counts each)
  const bookSum = (line: number, units: number, magnitude: number) => {
    num[MAGNITUDE]! += magnitude;
    if (units === 0) return;
    if (direct) {
      for (let j = 0; j < k; j += 1) lines[line]!.add(rowsOf[j]! * width + slot, units);
      return;
    }
    if (pending[line] === 0) touched[touchedCount++] = line;
    pending[line]! += units;
  };
  const book_ = (line: number, units: number) => bookSum(line, units, Math.abs(units));
  const flush = () => {
    for (let t = 0; t < touchedCount; t += 1) {
      const line = touched[t]!;
      const units = pending[line]!;
      if (units !== 0)
        for (let j = 0; j < k; j += 1) lines[line]!.add(rowsOf[j]! * width + slot, units);
      pending[line] = 0;
    }
    touchedCount = 0;
  };
  const state: MutableState = {
    customerId: '',
    day: 0,
    acquisitionDay: 0,
    spellStartDay: 0,
    lastPurchaseDay: 0,
    repeatPurchases: 0,
    repeatSpend: 0,
  };
  const round = (x: number) => toUnits(x, scale, mode, fn);
  const value = (v: BoundValuation, day: number) => {
    state.day = day;
    return round(v.value(state));
  };
  // the walk's state for the current customer (closures below are made once, not per customer)
  let inBase = false;
  let lastDay = 0;
  // (1 + d)^Δ − 1 = expm1(Δ ln(1 + d)) for the last rate and Δ (consecutive renewals are one period
  // apart, so the last Δ is usually the next); ln(1 + d) is kept per rate
  // `renewal`: k for a subscriber's k-th renewal in the spell, where the clock is k by the contract
  // of CustomerValuation.clock (whole at each renewal); −1 otherwise (the clock is asked for).
  const accrue = (v: BoundValuation, day: number, renewal: number) => {
    if (!inBase || day <= lastDay) return;
    const now = renewal >= 0 ? renewal : valuation.clock(state, day);
    const span = now - num[LAST_CLOCK]!;
    if (span !== num[GROWTH_SPAN]! || v.discountRate !== num[GROWTH_RATE]!) {
      if (v.discountRate !== num[GROWTH_RATE]!) {
        num[GROWTH_RATE] = v.discountRate;
        num[LOG_GROWTH] = Math.log1p(v.discountRate);
      }
      num[GROWTH_SPAN] = span;
      // one whole period grows by exactly d (the renewal fast path below relies on it)
      num[GROWTH] = span === 1 ? num[GROWTH_RATE]! : Math.expm1(span * num[LOG_GROWTH]!);
    }
    const interest = roundUnits(num[CARRIED]! * num[GROWTH]!, mode, fn);
    num[CARRIED]! += interest;
    book_(UNWIND, interest);
    lastDay = day;
    num[LAST_CLOCK] = now;
  };
  // a subscription payment's margin does not depend on the payment: round it once per valuation
  let marginOf: BoundValuation | null = null;
  let marginUnits = 0;
  const renewalMargin = (v: BoundValuation) => {
    if (v !== marginOf) {
      marginOf = v;
      marginUnits = round(v.margin(0));
    }
    return marginUnits;
  };
  const setAlive = (s: number, q: number) => {
    alive[s] = q;
  };
  for (let c = 0; c < book.size; c += 1) {
    rowsOf[1] = map.cohortRow[c]!;
    if (map.groupRow !== null) rowsOf[2] = map.groupRow[c]!;
    if (subscriptions) subscriptionEvents(p, c, calendar!, ev);
    else transactionEvents(p, c, spells, ev);
    if (rule.kind === 'model') {
      alive.fill(1);
      aliveBySlot(book, c, timeline, rule, fn, setAlive);
    }
    const acquisition = book.firstDay[c]!;
    state.customerId = book.ids[c]!;
    state.acquisitionDay = acquisition;
    state.spellStartDay = acquisition;
    state.lastPurchaseDay = acquisition;
    state.repeatPurchases = 0;
    state.repeatSpend = 0;
    inBase = false;
    num[CARRIED] = 0;
    lastDay = 0;
    num[LAST_CLOCK] = 0;
    let e = 0;
    let gainedAt = -1;
    for (let s = 0; s < width; s += 1) {
      slot = s;
      const t1 = timeline.checkDays[s]!;
      const v = periods[Math.max(s, 1) - 1]!.opening;
      const booking = s > 0;
      gainedAt = -1;
      // Renewals one period after the last accrual, summed here and booked once per slot: the
      // same arithmetic as accrue + the PAY_EVENT branch below (interest at exactly d, rounded
      // per renewal; the margin of one payment), without a call per renewal. Not in bigint mode,
      // where sums of units may pass 2^53.
      let renewUnwind = 0;
      let renewMargin = 0;
      let renewMagnitude = 0;
      for (; e < ev.n && ev.days[e]! <= t1; e += 1) {
        const d = ev.days[e]!;
        const kind = ev.kinds[e]!;
        if (
          subscriptions &&
          !direct &&
          booking &&
          inBase &&
          kind === PAY_EVENT &&
          d > lastDay &&
          ev.amounts[e]! - num[LAST_CLOCK]! === 1 &&
          v.discountRate === num[GROWTH_RATE]!
        ) {
          const interest = roundUnits(num[CARRIED]! * v.discountRate, mode, fn);
          const m = renewalMargin(v);
          num[CARRIED]! += interest;
          num[CARRIED]! -= m;
          renewUnwind += interest;
          renewMargin += m;
          renewMagnitude += Math.abs(interest) + Math.abs(m);
          lastDay = d;
          num[LAST_CLOCK] = ev.amounts[e]!;
          state.lastPurchaseDay = d;
          state.repeatPurchases = ev.amounts[e]!;
          continue;
        }
        if (booking)
          accrue(v, d, subscriptions && kind === PAY_EVENT ? ev.amounts[e]! : NOT_A_RENEWAL);
        if (kind === LOSS_EVENT) {
          if (booking) book_(LOST, num[CARRIED]!);
          num[CARRIED] = 0;
          inBase = false;
          continue;
        }
        const amount = ev.amounts[e]!;
        if (kind === GAIN_EVENT) {
          const first = d === acquisition;
          state.spellStartDay = d;
          state.lastPurchaseDay = d;
          if (subscriptions) state.repeatPurchases = 0;
          else if (!first) {
            state.repeatPurchases += 1;
            state.repeatSpend += amount;
          }
          if (booking) {
            const m = round(v.margin(amount));
            const gained = value(v, d) + m;
            book_(first ? ACQUIRED : REACTIVATED, gained);
            book_(MARGIN, m);
            num[CARRIED] = gained - m;
            gainedAt = s;
          }
          inBase = true;
          lastDay = d;
          if (booking) num[LAST_CLOCK] = valuation.clock(state, d);
          continue;
        }
        if (kind === PAY_EVENT) {
          state.lastPurchaseDay = d;
          if (subscriptions) state.repeatPurchases = amount;
          else {
            state.repeatPurchases += 1;
            state.repeatSpend += amount;
          }
        }
        if (booking) {
          const m = subscriptions ? renewalMargin(v) : round(v.margin(amount));
          book_(MARGIN, m);
          num[CARRIED]! -= m;
        }
      }
      if (renewMagnitude > 0) {
        bookSum(UNWIND, renewUnwind, renewMagnitude - Math.abs(renewMargin));
        bookSum(MARGIN, renewMargin, Math.abs(renewMargin));
      }
      if (inBase && !booking) {
        num[CARRIED] = value(v, t1);
        book_(CLOSING, num[CARRIED]!);
        lastDay = t1;
        num[LAST_CLOCK] = valuation.clock(state, t1);
      } else if (inBase) {
        accrue(v, t1, NOT_A_RENEWAL);
        if (rule.kind === 'model') {
          const before = gainedAt === s ? 1 : alive[s - 1]!;
          const share = before > 0 ? 1 - alive[s]! / before : 0;
          if (share > 0) {
            const lost = roundUnits(num[CARRIED]! * share, mode, fn);
            book_(LOST, lost);
            num[CARRIED]! -= lost;
          }
        }
        let current = value(v, t1);
        book_(EXPERIENCE, current - num[CARRIED]!);
        for (const step of periods[s - 1]!.steps) {
          const next = value(step.bound, t1);
          book_(step.line, next - current);
          current = next;
        }
        book_(CLOSING, current);
        num[CARRIED] = current;
      }
      if (touchedCount > 0) flush();
    }
  }
  return { width, lines, magnitude: num[MAGNITUDE]! };
}
