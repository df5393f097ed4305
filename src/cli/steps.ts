/**
 * The single steps the commands share: summarise a log, fit the models, value the customers, each
 * through the library's public functions, with library errors turned into exit codes.
 */
import type { FittedModel } from '../core/fitted-model.js';
import { compressSummary } from '../data/compress-summary.js';
import { rfmSummary } from '../data/rfm-summary.js';
import type { RfmSummary } from '../data/summary-types.js';
import type { TransactionLog } from '../data/types.js';
import { gammaGamma } from '../models/gamma-gamma/index.js';
import type { TransactionModel } from '../models/types.js';
import { MODELS } from '../report/analysis.js';
import { type CustomerLifetimeValues, customerLifetimeValue } from '../valuation/clv.js';
import { CliError, exitCodeOfComputation } from './exit-codes.js';
import type { ModelOptions } from './options.js';

type AnyParams = Readonly<Record<string, number>>;

/** Runs a computation; a library error becomes a CliError with its exit code. */
export function computing<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      exitCodeOfComputation(error),
      `${what} failed: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** The last transaction date of a log. */
export function lastDate(log: TransactionLog): string {
  let last = '';
  for (const t of log.transactions) if (t.date > last) last = t.date;
  return last;
}

/** The first transaction date of a log. */
export function firstDate(log: TransactionLog): string {
  let first = '9999-12-31';
  for (const t of log.transactions) if (t.date < first) first = t.date;
  return first;
}

/** The customer summary of the whole log, in the models' time unit. */
export function summarise(log: TransactionLog, model: ModelOptions): RfmSummary {
  return computing('summarising the transactions', () =>
    rfmSummary(log, {
      timeUnit: model.timeUnit,
      observationEnd: model.observationEnd ?? lastDate(log),
    }),
  );
}

/** Both fits. */
export interface Fits {
  readonly model: TransactionModel<string, AnyParams>;
  readonly purchase: FittedModel<string, AnyParams>;
  readonly spend: FittedModel<string, AnyParams>;
}

/** Fits the purchase model and Gamma-Gamma on a summary. */
export function fitModels(summary: RfmSummary, model: ModelOptions): Fits {
  const descriptor = MODELS[model.model];
  const purchase = computing(`fitting ${model.model}`, () =>
    descriptor.fit(compressSummary(summary)),
  );
  const spend = computing('fitting gamma-gamma', () => gammaGamma.fit(summary));
  return { model: descriptor, purchase, spend };
}

/** Values every customer (infinite horizon, yearly discount rate, 95% interval). */
export function valueCustomers(
  summary: RfmSummary,
  fits: Fits,
  money: { readonly margin: string; readonly discountRate: string },
  currency: string,
): CustomerLifetimeValues {
  return computing('valuing the customers', () =>
    customerLifetimeValue({
      transactions: { model: fits.model, fitted: fits.purchase },
      spend: { model: gammaGamma, fitted: fits.spend },
      summary,
      horizon: 'infinite',
      discount: { rate: money.discountRate, per: 'year' },
      margin: money.margin,
      currency,
      calendar: 'gregorian-average',
    }),
  );
}
