/**
 * Where the CDNOW data live, and how to read them: the shared helper of the notebook-style examples
 * 01 to 06 and briefing-cdnow.ts. CDNOW is the transaction log of the 23,570 people who first bought
 * at the online music retailer CDNOW in the first quarter of 1997, to the end of June 1998 (Fader,
 * Hardie & Lee 2005); the "sample" is its 1/10 systematic sample (2,357 customers) on which the
 * published BG/NBD and Gamma-Gamma estimates were made. The files are not in this repository: they
 * are read from ../shared/data, or the folder named by CUSTOMER_ASSET_DATA.
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTransactionsCsv, type TransactionLog } from '../src/index.js';

/** The folder of the published data sets, or undefined when it is absent. */
export function dataDir(): string | undefined {
  const dir =
    process.env.CUSTOMER_ASSET_DATA ??
    resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
  return existsSync(dir) ? dir : undefined;
}

/** The path of a data file; throws a message saying how to get it when it is absent. */
export function dataFile(name: string): string {
  const dir = dataDir();
  const path = dir === undefined ? undefined : join(dir, name);
  if (path === undefined || !existsSync(path))
    throw new Error(
      `${name} not found: place the published data sets in ../shared/data beside the repository, or set CUSTOMER_ASSET_DATA`,
    );
  return path;
}

/** The CDNOW sample (2,357 customers): no header, whitespace-separated, dates YYYYMMDD. */
export function readCdnowSample(): Promise<TransactionLog> {
  return readTransactionsCsv(dataFile('CDNOW_sample.txt'), {
    currency: 'USD',
    delimiter: 'whitespace',
    columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
    dateFormat: 'yyyymmdd',
  });
}

/** The whole CDNOW cohort (23,570 customers): one header line, whitespace-separated. */
export function readCdnowMaster(): Promise<TransactionLog> {
  return readTransactionsCsv(dataFile('CDNOW_master.txt'), {
    currency: 'USD',
    delimiter: 'whitespace',
    fields: {
      customerId: 'customer_id',
      date: 'date',
      quantity: 'number_of_cds',
      amount: 'dollar_value',
    },
    dateFormat: 'yyyymmdd',
  });
}

/** The published split: 39 weeks of calibration, 39 weeks of holdout (FHL 2005). */
export const CDNOW = Object.freeze({ calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' });
