/**
 * Transaction data: event log to RFM summary (targets from the "Transaction data" issue).
 *
 * - 1,000,000 transactions of 100,000 customers, parsed log to RFM summary: < 1 s (also reports
 *   the parse time of the in-memory rows);
 * - CDNOW_master (69,659 rows), parsed log to RFM summary: < 50 ms (also reports the CSV parse time);
 * - opt-in (BENCH_LARGE=1): a 10,000,000-row CSV generated in a temp dir, streamed to a summary with
 *   rfmSummaryFromCsv in a child process: < 60 s and peak RSS < 1.5 GB (process.resourceUsage().maxRSS).
 *
 *   npm run bench -- data
 *   BENCH_LARGE=1 npm run bench -- data
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDay, parseIsoDate } from '../src/data/calendar.js';
import {
  parseTransactions,
  readTransactionsCsv,
  rfmSummary,
  rfmSummaryFromCsv,
} from '../src/data/index.js';
import { sharedDataFile } from '../tests/helpers/shared-data.js';
import { type BenchResult, below, medianMs, medianMsAsync } from './harness.js';
import { lcg, medianCpuMs } from './support.js';

const START = parseIsoDate('2022-01-01')!;
const OPTIONS = {
  timeUnit: 'week',
  calibrationEnd: '2023-06-30',
  observationEnd: '2023-12-31',
} as const;

/** `n` transactions of `customers` customers over 2022-2023, amounts with two decimals. */
function syntheticRows(n: number, customers: number) {
  const next = lcg(42);
  const rows: { customerId: string; date: string; amount: string }[] = new Array(n);
  for (let i = 0; i < n; i += 1) {
    const cents = Math.floor(next() * 50_000);
    rows[i] = {
      customerId: `c${Math.floor(next() * customers)}`,
      date: formatDay(START + Math.floor(next() * 730)),
      amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    };
  }
  return rows;
}

async function million(): Promise<BenchResult[]> {
  const rows = syntheticRows(1_000_000, 100_000);
  const parseStart = process.hrtime.bigint();
  const log = parseTransactions(rows, { currency: 'USD' });
  const parseMs = Number(process.hrtime.bigint() - parseStart) / 1e6;
  const ms = medianMs(() => rfmSummary(log, OPTIONS), { runs: 7, warmup: 2 });
  const cpu = medianCpuMs(() => rfmSummary(log, OPTIONS), 7, 0);
  return [
    below(
      '1M transactions / 100k customers: parsed log to RFM summary',
      ms,
      'ms',
      1000,
      `CPU time median ${cpu.toFixed(0)} ms`,
    ),
    {
      name: '1M transactions: parseTransactions of in-memory rows (one run, no target)',
      value: parseMs,
      unit: 'ms',
    },
  ];
}

async function cdnowMaster(): Promise<BenchResult[]> {
  const file = sharedDataFile('CDNOW_master.txt');
  if (file === undefined) return [];
  const read = {
    currency: 'USD',
    delimiter: 'whitespace',
    dateFormat: 'yyyymmdd',
    fields: { customerId: 'customer_id', amount: 'dollar_value', quantity: 'number_of_cds' },
  } as const;
  const parseMs = await medianMsAsync(() => readTransactionsCsv(file, read), { runs: 5 });
  const log = await readTransactionsCsv(file, read);
  const options = {
    timeUnit: 'week',
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
  } as const;
  const ms = medianMs(() => rfmSummary(log, options), { runs: 21, warmup: 5 });
  const cpu = medianCpuMs(() => rfmSummary(log, options), 21, 0);
  return [
    below(
      'CDNOW_master (69,659 rows): parsed log to RFM summary',
      ms,
      'ms',
      50,
      `CPU time median ${cpu.toFixed(1)} ms`,
    ),
    { name: 'CDNOW_master: readTransactionsCsv (no target)', value: parseMs, unit: 'ms' },
  ];
}

/** Writes `n` CSV rows of `customers` customers, streaming (the file is never in memory). */
async function writeLargeCsv(path: string, n: number, customers: number): Promise<void> {
  const out = createWriteStream(path);
  const next = lcg(7);
  const days: string[] = [];
  for (let d = 0; d < 730; d += 1) days.push(formatDay(START + d));
  out.write('customerId,date,amount\n');
  const batch = 100_000;
  for (let i = 0; i < n; i += batch) {
    let chunk = '';
    for (let k = 0; k < batch && i + k < n; k += 1) {
      const cents = Math.floor(next() * 50_000);
      chunk += `c${Math.floor(next() * customers)},${days[Math.floor(next() * 730)]},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}\n`;
    }
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** Child-process body: stream one CSV to a summary and print time and peak RSS as JSON. */
async function largeWorker(path: string): Promise<void> {
  const start = process.hrtime.bigint();
  const result = await rfmSummaryFromCsv(path, { currency: 'USD', ...OPTIONS });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(
    `${JSON.stringify({
      ms,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      rows: result.rowCount,
      customers: result.summary.customers.length,
    })}\n`,
  );
}

/**
 * The 10M-row streaming benchmark alone (run() includes it with BENCH_LARGE=1):
 *   npx tsx -e "import('./bench/data.ts').then(async m => console.log(await m.large()))"
 */
export async function large(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'customer-asset-bench-'));
  try {
    const path = join(dir, 'transactions-10m.csv');
    const generateStart = process.hrtime.bigint();
    await writeLargeCsv(path, 10_000_000, 1_000_000);
    const generateMs = Number(process.hrtime.bigint() - generateStart) / 1e6;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--large-worker', path],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`large worker failed: ${child.stderr}`);
    const figures = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      ms: number;
      maxRssMiB: number;
      rows: number;
      customers: number;
    };
    const note = `one run; ${figures.rows.toLocaleString('en-US')} rows, ${figures.customers.toLocaleString('en-US')} customers in the summary; file generated in ${(generateMs / 1000).toFixed(1)} s`;
    return [
      below(
        '10M-row CSV streamed to RFM summary (rfmSummaryFromCsv)',
        figures.ms / 1000,
        's',
        60,
        note,
      ),
      below(
        '10M-row CSV streamed: peak RSS of the process',
        figures.maxRssMiB,
        'MiB',
        1536,
        'process.resourceUsage().maxRSS',
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const results = [...(await million()), ...(await cdnowMaster())];
  if (process.env.BENCH_LARGE === '1') results.push(...(await large()));
  else
    results.push({
      name: '10M-row CSV streamed to RFM summary: skipped (set BENCH_LARGE=1)',
      value: 0,
      unit: 's',
    });
  return results;
}

if (process.argv[2] === '--large-worker') await largeWorker(process.argv[3]!);
