/**
 * CDNOW and synthetic reference data for the model test suites (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB,
 * Gamma-Gamma). Everything is read synchronously from /work/shared/data (see tests/helpers/shared-data.ts)
 * and cached; call these inside a `describeWithData` body (in `beforeAll` or a test), never at module
 * top level, so that suites skip cleanly when the data are absent.
 */
import { readFileSync } from 'node:fs';
import { rfmSummaryFromRows } from '../../../src/data/index.js';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import { sharedDataFile } from '../../helpers/shared-data.js';

/** Files the helpers below read (pass the ones you use to `describeWithData`). */
export const CDNOW_FILES = {
  sample: 'CDNOW_sample.txt',
  summary: 'cdnow_customers_summary.csv',
  withSpend: 'cdnow_customers_summary_with_transactions.csv',
  synthetic: 'synthetic_bgnbd_100k_seed42.csv',
} as const;

/** One CDNOW sample customer in exact weeks (days / 7), with its holdout purchase count. */
export interface CdnowExactRow {
  /** Sample id 1..2357 (the `ID` of the summary files). */
  readonly id: number;
  /** Repeat purchase days in calibration (same-day transactions merged). */
  readonly x: number;
  /** Weeks from first purchase to last calibration purchase (exact days / 7). */
  readonly tx: number;
  /** Weeks from first purchase to the end of calibration, 1997-09-30 (exact days / 7). */
  readonly T: number;
  /** Purchase days in the holdout, 1997-10-01 .. 1998-06-30 (39 weeks). */
  readonly holdoutX: number;
}

/** One row of cdnow_customers_summary_with_transactions.csv. */
export interface CdnowSpendRow {
  readonly id: number;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  /** Mean repeat-transaction value in dollars (0 when x = 0). */
  readonly zbar: number;
}

/** Length of the CDNOW holdout period in weeks (1997-10-01 .. 1998-06-30 = 273 days). */
export const CDNOW_HOLDOUT_WEEKS = 39;

const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

function dataPath(name: string): string {
  const path = sharedDataFile(name);
  if (path === undefined) throw new Error(`tests/models/helpers/cdnow.ts: ${name} not found`);
  return path;
}

function csvLines(name: string): string[][] {
  return readFileSync(dataPath(name), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

/** Days since 1970-01-01 of a `YYYYMMDD` date. */
function dayNumber(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * The 2,357 CDNOW sample customers rebuilt from CDNOW_sample.txt the published way: same-day
 * transactions merged, times in exact weeks (days / 7), calibration ending 1997-09-30, holdout to
 * 1998-06-30. Ordered by sample id. (Independent of src/data, so it can check it.)
 */
export function cdnowExactRows(): readonly CdnowExactRow[] {
  return cached('exact-rows', () => {
    const calibrationEnd = dayNumber('19970930');
    const observationEnd = dayNumber('19980630');
    const days = new Map<number, Set<number>>();
    const text = readFileSync(dataPath(CDNOW_FILES.sample), 'utf8');
    for (const line of text.split(/\r?\n/)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 5) continue;
      const id = Number(fields[1]);
      const day = dayNumber(fields[2]!);
      if (day > observationEnd) continue;
      let set = days.get(id);
      if (set === undefined) {
        set = new Set<number>();
        days.set(id, set);
      }
      set.add(day);
    }
    const rows: CdnowExactRow[] = [];
    for (const id of [...days.keys()].sort((p, q) => p - q)) {
      const sorted = [...days.get(id)!].sort((p, q) => p - q);
      const first = sorted[0]!;
      const calibration = sorted.filter((d) => d <= calibrationEnd);
      const x = calibration.length - 1;
      const last = calibration[calibration.length - 1]!;
      rows.push(
        Object.freeze({
          id,
          x,
          tx: x === 0 ? 0 : (last - first) / 7,
          T: (calibrationEnd - first) / 7,
          holdoutX: sorted.length - calibration.length,
        }),
      );
    }
    return Object.freeze(rows);
  });
}

/** CDNOW calibration summary in exact weeks (days / 7), from CDNOW_sample.txt; 2,357 customers. */
export function cdnowSummaryExactWeeks(): RfmSummary {
  return cached('exact-summary', () =>
    rfmSummaryFromRows(
      cdnowExactRows().map((r) => ({
        customerId: String(r.id),
        frequency: r.x,
        recency: r.tx,
        T: r.T,
      })),
      { timeUnit: 'week', mergeBy: 'day' },
    ),
  );
}

/** CDNOW calibration summary from cdnow_customers_summary.csv (weeks rounded to 2 decimals). */
export function cdnowSummaryRounded(): RfmSummary {
  return cached('rounded-summary', () =>
    rfmSummaryFromRows(
      csvLines(CDNOW_FILES.summary).map(([id, x, tx, T]) => ({
        customerId: id!,
        frequency: x!,
        recency: tx!,
        T: T!,
      })),
      { timeUnit: 'week', mergeBy: 'day' },
    ),
  );
}

/** Rows of cdnow_customers_summary_with_transactions.csv: (x, t_x, T, zbar) per customer. */
export function cdnowWithSpend(): readonly CdnowSpendRow[] {
  return cached('spend-rows', () =>
    Object.freeze(
      csvLines(CDNOW_FILES.withSpend).map(([id, x, tx, T, zbar]) =>
        Object.freeze({
          id: Number(id),
          x: Number(x),
          tx: Number(tx),
          T: Number(T),
          zbar: Number(zbar),
        }),
      ),
    ),
  );
}

/** synthetic_bgnbd_100k_seed42.csv as a summary (100,000 customers, weeks, T = 39). */
export function syntheticBgNbd100k(): RfmSummary {
  return cached('synthetic-100k', () =>
    rfmSummaryFromRows(
      csvLines(CDNOW_FILES.synthetic).map(([x, tx, T]) => ({
        frequency: x!,
        recency: tx!,
        T: T!,
      })),
      { timeUnit: 'week' },
    ),
  );
}
