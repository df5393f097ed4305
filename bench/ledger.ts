/**
 * The customer-asset ledger (targets from the ledger issue):
 *
 * - the count ledger (customerLedger, inactivity rule, monthly) for 10,000,000 transactions of
 *   1,000,000 customers over 36 monthly periods: < 10 s;
 * - the equity ledger (equityLedger) for 1,000,000 customers: < 2 s, measured on a subscription
 *   base valued with the shifted-beta-geometric model (DERL per tenure), one yearly statement;
 * - for reference, the cost per customer of the equity ledger with a transaction-model valuation
 *   (BG/NBD DERT, which the model computes by a discrete sum of about 75 µs a call).
 *
 *   npm run bench -- ledger
 *
 * The 10M-row log is built in memory as the parsers build one (frozen transactions with their
 * columns remembered), so the figure is the ledger's own cost, not the parser's.
 */
import { cpus, loadavg } from 'node:os';
import { formatDay } from '../src/data/calendar.js';
import { ColumnsBuilder, rememberColumns } from '../src/data/transaction-columns.js';
import type { Transaction, TransactionLog } from '../src/data/types.js';
import {
  contractualValuation,
  customerLedger,
  equityLedger,
  transactionValuation,
} from '../src/ledger/index.js';
import { bgNbd } from '../src/models/bg-nbd/index.js';
import { shiftedBetaGeometric } from '../src/models/shifted-beta-geometric/index.js';
import { money } from '../src/money/index.js';
import { type BenchResult, below } from './harness.js';

/** A fixed pseudo-random stream (LCG): the same data on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const START = 18628; // 2021-01-01
const DAYS = 1095; // 2021-01-01 .. 2023-12-30: 36 calendar months

/** `n` transactions of `customers` customers over 36 months, as a parsed log. */
export function syntheticLog(n: number, customers: number): TransactionLog {
  const next = lcg(42);
  const amounts = Array.from(
    { length: 1000 },
    (_, k) => money(`${5 + k}.${k % 100}`, 'USD').amount,
  );
  const dates = Array.from({ length: DAYS }, (_, d) => formatDay(START + d));
  const transactions: Transaction[] = new Array(n);
  const columns = new ColumnsBuilder();
  let i = 0;
  for (let c = 0; c < customers && i < n; c += 1) {
    const id = `c${c}`;
    const acquisition = Math.floor(next() * DAYS);
    const count = c === customers - 1 ? n - i : Math.min(n - i, 1 + Math.floor(next() * 19));
    for (let k = 0; k < count; k += 1) {
      const d = k === 0 ? acquisition : acquisition + Math.floor(next() * (DAYS - acquisition));
      const amount = amounts[Math.floor(next() * 1000)]!;
      transactions[i] = Object.freeze({
        customerId: id,
        date: dates[d]!,
        day: START + d,
        amount,
        line: i + 1,
      });
      columns.add(id, START + d, Number(amount.toString()) * 1e4);
      i += 1;
    }
  }
  transactions.length = i;
  const frozen = Object.freeze(transactions);
  rememberColumns(frozen, columns.build());
  return Object.freeze({
    transactions: frozen,
    currency: 'USD',
    timeZone: 'UTC',
    rejected: Object.freeze([]),
    refunds: Object.freeze({ policy: 'keep', count: 0 }),
  });
}

/** `customers` subscribers starting over 2021-2022, a third cancelling before the end of 2023. */
export function syntheticSubscriptions(customers: number) {
  const next = lcg(7);
  const events: { customerId: string; date: string; type: 'start' | 'cancel' }[] = [];
  const dates = Array.from({ length: DAYS }, (_, d) => formatDay(START + d));
  for (let c = 0; c < customers; c += 1) {
    const start = Math.floor(next() * 730);
    events.push({ customerId: `s${c}`, date: dates[start]!, type: 'start' });
    if (next() < 1 / 3)
      events.push({
        customerId: `s${c}`,
        date: dates[start + 1 + Math.floor(next() * (DAYS - start - 2))]!,
        type: 'cancel',
      });
  }
  return { events };
}

/** Wall time and CPU time (user + system, this process) of one call. */
function time<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    cpuMs: (used.user + used.system) / 1000,
    result,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Each benchmark builds its data in its own function, so that the 10M-transaction log is garbage
 * before the equity ledger runs (otherwise every full collection during the equity runs would mark
 * ten million objects that are not its own).
 */
export async function run(): Promise<BenchResult[]> {
  return [countLedgerResult(), equityLedgerResult(), transactionValuationResult()];
}

function countLedgerResult(): BenchResult {
  const log = syntheticLog(10_000_000, 1_000_000);
  const options = { period: 'month', lossRule: { kind: 'inactivity', days: 90 } } as const;
  const runs = [0, 1, 2].map(() => time(() => customerLedger(log, options)));
  const ledger = runs[0]!.result;
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`;
  return below(
    'count ledger: 10M transactions, 1M customers, 36 monthly periods (inactivity 90 days)',
    median(runs.map((r) => r.ms)) / 1000,
    's',
    10,
    `median of 3 runs, CPU time ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(1)} s; ${ledger.total.rows.length} periods, ${ledger.cohorts.length} cohorts, checks ok: ${ledger.checks.ok}; ${load}`,
  );
}

function equityLedgerResult(): BenchResult {
  const subscriptions = syntheticSubscriptions(1_000_000);
  const equityOptions = {
    period: 'year',
    start: '2023-01-01',
    lossRule: { kind: 'cancellation' },
    valuation: contractualValuation({ model: shiftedBetaGeometric, period: 'month' }),
    assumptions: {
      retention: { alpha: 0.7637, beta: 1.2958 },
      margin: money('12.50', 'USD'),
      discountRate: 0.008,
    },
  } as const;
  // one warm-up run (compilation), then the median of 3, as the harness's warm medians
  const warmUp = time(() => equityLedger(subscriptions, equityOptions));
  const equityRuns = [0, 1, 2].map(() => time(() => equityLedger(subscriptions, equityOptions)));
  const equity = equityRuns[0]!.result;
  return below(
    'equity ledger: 1M subscribers (sBG, monthly payments), statement for 2023',
    median(equityRuns.map((r) => r.ms)) / 1000,
    's',
    2,
    `median of 3 warm runs (the cold first run: ${(warmUp.ms / 1000).toFixed(2)} s), CPU time ${(median(equityRuns.map((r) => r.cpuMs)) / 1000).toFixed(1)} s; closing equity ${equity.total.rows.at(-1)!.closing.amount.toFixed(2)} USD, checks ok: ${equity.checks.ok}; load average ${loadavg()[0]!.toFixed(1)}`,
  );
}

function transactionValuationResult(): BenchResult {
  const small = syntheticLog(200_000, 20_000);
  const tx = time(() =>
    equityLedger(small, {
      period: 'year',
      start: '2023-01-01',
      lossRule: { kind: 'inactivity', days: 365 },
      valuation: transactionValuation({ model: bgNbd, timeUnit: 'week' }),
      assumptions: {
        retention: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
        spend: { kind: 'gamma-gamma', p: 6.25, q: 3.74, gamma: 15.44 },
        margin: 0.3,
        discountRate: 0.0018,
      },
    }),
  );
  return {
    name: 'equity ledger with BG/NBD × Gamma-Gamma valuation: time per customer (20k customers, 2023)',
    value: (tx.ms * 1000) / 20_000,
    unit: 'µs',
    note: 'dominated by the model’s DERT; no target',
  };
}
