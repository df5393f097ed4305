/**
 * The command line's options: declared once for commander, then checked with zod into typed
 * settings. A bad value ends the command with exit code 2 and a message naming the option.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { isCustomerAssetError } from '../core/errors.js';
import { type Money, money } from '../money/money.js';
import { type CxScenario, parseCxScenario } from '../report/cx-scenario.js';
import { CliError, EXIT } from './exit-codes.js';
import type { DataOptions } from './load.js';

/** Adds the options that say how to read the transactions file. */
export function addDataOptions(command: Command): Command {
  return command
    .option('--sample', 'use the built-in sample company instead of a file')
    .option(
      '--currency <code>',
      'ISO 4217 currency of the amounts, e.g. USD (required with a file)',
    )
    .option('--customer-column <name>', 'column holding the customer id', 'customerId')
    .option('--date-column <name>', 'column holding the date', 'date')
    .option('--amount-column <name>', 'column holding the amount', 'amount')
    .option('--date-format <format>', 'iso (2024-03-01, ISO date-times) or yyyymmdd', 'iso')
    .option('--delimiter <char>', "field delimiter: ',', ';', 'tab' or 'whitespace'", ',')
    .option('--columns <names>', 'comma-separated column names, for a file without a header line')
    .option('--time-zone <zone>', 'IANA time zone of the day boundaries', 'UTC')
    .option('--skip-invalid', 'go on without the rows that cannot be read (they are still listed)')
    .option(
      '--rejects <file>',
      'where to list rows that cannot be read (default: rejected-rows.csv)',
    );
}

/** Adds the options of the models; `holdout` adds `--calibration-end` with the given help text. */
export function addModelOptions(command: Command, holdout?: string): Command {
  command
    .option('--time-unit <unit>', 'time unit of the models: day, week or month', 'week')
    .option('--model <name>', 'purchase model: bg-nbd, mbg-nbd or pareto-nbd', 'bg-nbd')
    .option(
      '--observation-end <date>',
      'last day of the data, YYYY-MM-DD (default: the last transaction)',
    );
  return holdout === undefined ? command : command.option('--calibration-end <date>', holdout);
}

/** Adds the money options. */
export function addMoneyOptions(command: Command): Command {
  return command
    .option('--margin <share>', 'margin as a share of revenue, e.g. 0.30 (required with a file)')
    .option('--discount-rate <rate>', 'cost of capital per year, e.g. 0.10 (required with a file)');
}

const DateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' });
const DecimalText = z
  .string()
  .regex(/^\d+(\.\d+)?$/, { message: 'must be a plain decimal number such as 0.30' });

/** The raw options commander hands over (strings and booleans). */
export type RawOptions = Readonly<Record<string, unknown>>;

/** Checks one option with a schema; exit code 2 with the option's name on failure. */
function checked<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new CliError(
      EXIT.usage,
      `${flag} ${result.error.issues[0]?.message ?? 'is invalid'}; received ${JSON.stringify(value)}`,
    );
  return result.data;
}

/** The data options, checked. `currency` may be absent only with the sample. */
export function dataOptions(
  raw: RawOptions,
): DataOptions & { readonly rejects: string | undefined } {
  const currency =
    raw.currency === undefined
      ? ''
      : checked(
          z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' }),
          raw.currency,
          '--currency',
        );
  const columns =
    raw.columns === undefined
      ? undefined
      : checked(z.string().min(1), raw.columns, '--columns')
          .split(',')
          .map((c) => c.trim());
  return {
    currency,
    customerColumn: checked(z.string().min(1), raw.customerColumn, '--customer-column'),
    dateColumn: checked(z.string().min(1), raw.dateColumn, '--date-column'),
    amountColumn: checked(z.string().min(1), raw.amountColumn, '--amount-column'),
    dateFormat: checked(
      z.enum(['iso', 'yyyymmdd'], { message: "must be 'iso' or 'yyyymmdd'" }),
      raw.dateFormat,
      '--date-format',
    ),
    delimiter: checked(z.string().min(1), raw.delimiter, '--delimiter'),
    ...(columns === undefined ? {} : { columns }),
    timeZone: checked(z.string().min(1), raw.timeZone, '--time-zone'),
    skipInvalid: raw.skipInvalid === true,
    rejects:
      raw.rejects === undefined ? undefined : checked(z.string().min(1), raw.rejects, '--rejects'),
  };
}

/** The model options, checked. */
export interface ModelOptions {
  readonly timeUnit: 'day' | 'week' | 'month';
  readonly model: 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd';
  readonly observationEnd: string | undefined;
  /** `undefined`: the default rule; `null`: no holdout. */
  readonly calibrationEnd: string | null | undefined;
}

export function modelOptions(raw: RawOptions): ModelOptions {
  return {
    timeUnit: checked(
      z.enum(['day', 'week', 'month'], { message: "must be 'day', 'week' or 'month'" }),
      raw.timeUnit,
      '--time-unit',
    ),
    model: checked(
      z.enum(['bg-nbd', 'mbg-nbd', 'pareto-nbd'], {
        message: "must be 'bg-nbd', 'mbg-nbd' or 'pareto-nbd'",
      }),
      raw.model,
      '--model',
    ),
    observationEnd:
      raw.observationEnd === undefined
        ? undefined
        : checked(DateText, raw.observationEnd, '--observation-end'),
    calibrationEnd:
      raw.calibrationEnd === undefined
        ? undefined
        : raw.calibrationEnd === 'none'
          ? null
          : checked(DateText, raw.calibrationEnd, '--calibration-end'),
  };
}

/** The money options, checked; `required` names what is missing when they are absent. */
export function moneyOptions(
  raw: RawOptions,
  defaults?: { margin: string; discountRate: string },
): {
  readonly margin: string;
  readonly discountRate: string;
} {
  const margin = raw.margin ?? defaults?.margin;
  const rate = raw.discountRate ?? defaults?.discountRate;
  if (margin === undefined)
    throw new CliError(
      EXIT.usage,
      '--margin is required: the share of revenue kept as margin, e.g. --margin 0.30',
    );
  if (rate === undefined)
    throw new CliError(
      EXIT.usage,
      '--discount-rate is required: the cost of capital per year, e.g. --discount-rate 0.10',
    );
  const m = checked(DecimalText, margin, '--margin');
  if (!(Number(m) > 0 && Number(m) <= 1))
    throw new CliError(
      EXIT.usage,
      `--margin must be a share of revenue between 0 and 1, e.g. 0.30; received ${JSON.stringify(margin)}`,
    );
  const d = checked(DecimalText, rate, '--discount-rate');
  if (!(Number(d) > 0 && Number(d) < 10))
    throw new CliError(
      EXIT.usage,
      `--discount-rate must be a yearly rate above 0, e.g. 0.10; received ${JSON.stringify(rate)}`,
    );
  return { margin: m, discountRate: d };
}

/** Reads and parses a JSON file named by an option; exit code 3 when it cannot be read or parsed. */
export function readJsonFile(file: string, cwd: string, flag: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new CliError(EXIT.data, `${flag}: cannot read ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(
      EXIT.data,
      `${flag}: ${file} is not valid JSON (${(error as Error).message})`,
    );
  }
}

/** The CX scenario of `--cx <file>`, checked with zod (exit code 3 naming the field at fault). */
export function cxScenarioFile(file: string, cwd: string): CxScenario {
  const json = readJsonFile(file, cwd, '--cx');
  try {
    return parseCxScenario(json);
  } catch (error) {
    if (isCustomerAssetError(error))
      throw new CliError(EXIT.data, `--cx: ${file} is not a valid CX scenario: ${error.message}`, {
        cause: error,
      });
    throw error;
  }
}

const CostsFileSchema = z.record(
  z.string().min(1),
  z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative().finite()]),
);

/**
 * The acquisition costs: `--cac <amount>` (per customer acquired) or `--acquisition-costs <file>`, a
 * JSON object of spend per period as the cohorts are labelled (`{ "2024-Q1": "12000" }`).
 */
export function acquisitionCostsOption(
  raw: RawOptions,
  currency: string,
  cwd: string,
):
  | { readonly byPeriod: Readonly<Record<string, Money>> }
  | { readonly perCustomer: Money }
  | undefined {
  if (raw.cac !== undefined && raw.acquisitionCosts !== undefined)
    throw new CliError(EXIT.usage, 'give either --cac or --acquisition-costs, not both');
  if (raw.cac !== undefined)
    return { perCustomer: money(checked(DecimalText, raw.cac, '--cac'), currency) };
  if (raw.acquisitionCosts === undefined) return undefined;
  const file = String(raw.acquisitionCosts);
  const json = readJsonFile(file, cwd, '--acquisition-costs');
  const result = CostsFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CliError(
      EXIT.data,
      `--acquisition-costs: ${file} must be a JSON object of spend per period, e.g. { "2024-Q1": "12000" }; at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const byPeriod: Record<string, Money> = {};
  for (const [period, amount] of Object.entries(result.data))
    byPeriod[period] = money(String(amount), currency);
  return { byPeriod };
}
