/**
 * The data a command works on: the transactions file named on the command line, or the built-in
 * sample company (`--sample`), with the sample's own assumptions as defaults.
 */
import { resolve } from 'node:path';
import type { TransactionLog } from '../data/types.js';
import { type BriefingSample, briefingSample } from '../report/sample.js';
import { CliError, EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { loadLog } from './load.js';
import { dataOptions, type RawOptions } from './options.js';

/** The resolved input of a command. */
export interface CommandInput {
  readonly log: TransactionLog;
  /** Where the data came from, in words. */
  readonly source: string;
  /** The sample, when `--sample` was given. */
  readonly sample: BriefingSample | null;
}

/**
 * Loads the command's data. `defaultRejects` is where unreadable rows are listed unless `--rejects`
 * says otherwise.
 */
export async function commandInput(
  file: string | undefined,
  raw: RawOptions,
  io: CliIo,
  defaultRejects: string,
): Promise<CommandInput> {
  const data = dataOptions(raw);
  if (raw.sample === true) {
    if (file !== undefined)
      throw new CliError(EXIT.usage, 'give either a transactions file or --sample, not both');
    const sample = briefingSample();
    return { log: sample.log, source: 'the built-in sample company', sample };
  }
  if (file === undefined)
    throw new CliError(
      EXIT.usage,
      'name a transactions file (CSV with customerId, date and amount columns), or pass --sample to use the built-in sample',
    );
  if (data.currency === '')
    throw new CliError(
      EXIT.usage,
      '--currency is required with a file: the ISO 4217 code of the amounts, e.g. --currency USD',
    );
  const rejects = resolve(io.cwd, data.rejects ?? defaultRejects);
  const log = await loadLog(file, data, io, rejects);
  return { log, source: file, sample: null };
}
