/**
 * Streams the records of a delimited text file (a path or a Node `Readable`) to a callback, with the
 * 1-based line on which each record starts and its raw text. Delimited files go through csv-parse
 * (quoting, embedded newlines, BOM); whitespace-separated files (`delimiter: 'whitespace'`, as the
 * CDNOW logs are) are split line by line on runs of blanks, since csv-parse cannot treat a run of
 * spaces as one delimiter. Memory stays flat: records are handed on as they are read.
 *
 * @internal
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { CustomerAssetError, fail } from '../core/errors.js';
import { FIELD_ORDER } from './log-builder.js';
import type { TransactionFields } from './row-reader.js';

/** Where CSV text comes from: a file path or a Node readable stream (bytes or strings). */
export type CsvSource = string | Readable;

/** How the text is split into records and fields. */
export interface CsvFormatOptions {
  /**
   * Field delimiter: one or more characters (default `','`), or `'whitespace'` for files whose
   * fields are separated by runs of spaces or tabs, possibly with leading blanks (CDNOW). Quoting
   * is not recognised in whitespace mode.
   */
  readonly delimiter?: string;
  /**
   * Names of the columns of a file without a header line, in order. When absent, the first record
   * is the header.
   */
  readonly columns?: readonly string[];
}

/** zod shape of {@link CsvFormatOptions}. */
export const CsvFormatShape = {
  delimiter: z.string().min(1).optional(),
  columns: z.array(z.string().min(1)).min(1).optional(),
};

/** zod schema of a {@link CsvSource}. */
export const CsvSourceSchema = z.union([
  z.string().min(1),
  z.custom<Readable>((value) => value instanceof Readable, {
    message: 'Must be a file path or a Node Readable stream',
  }),
]);

/**
 * Called for each record: its fields, the line where it starts, and its text as read (possibly
 * with line terminators around it: see {@link recordText}).
 */
export type RecordHandler = (fields: string[], line: number, raw: string) => void;

/** Line terminators (CRLF, CR or LF) in `text`. */
function countTerminators(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) n += 1;
    else if (c === 13) {
      n += 1;
      if (text.charCodeAt(i + 1) === 10) i += 1;
    }
  }
  return n;
}

/** Line terminators at the start of `text` (the blank lines csv-parse skipped before a record). */
function leadingTerminators(text: string): number {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      n += 1;
      i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else if (c === 10) {
      n += 1;
      i += 1;
    } else break;
  }
  return n;
}

/** The text of a record as read, without the blank lines before it and its line terminator. */
export function recordText(raw: string): string {
  return raw.replace(/^[\r\n]+|[\r\n]+$/g, '');
}

function openSource(source: CsvSource): Readable {
  return typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : source;
}

function readFailed(fn: string, source: CsvSource, error: unknown): never {
  if (error instanceof CustomerAssetError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  return fail('data/read-failed', fn, `could not read the CSV source (${message})`, {
    expected: 'a readable, well-formed delimited file',
    received: typeof source === 'string' ? source : 'stream',
    cause: error,
  });
}

async function readDelimited(
  input: Readable,
  delimiter: string,
  onRecord: RecordHandler,
): Promise<void> {
  const parser = parse({
    delimiter,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  });
  let line = 1;
  // Records are taken in 'data' handlers: an async iterator would cost a promise per record and
  // 'readable' + read() a buffer round trip; backpressure is kept by pipeline.
  parser.on('data', (item: { record: string[]; raw: string }) => {
    const raw = item.raw;
    const start = line + leadingTerminators(raw);
    line += countTerminators(raw);
    try {
      onRecord(item.record, start, raw);
    } catch (error) {
      parser.destroy(error as Error);
    }
  });
  await pipeline(input, parser);
}

const BLANKS = /[ \t]+/;

async function readWhitespace(input: Readable, onRecord: RecordHandler): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  const handle = (text: string): void => {
    line += 1;
    let body = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
    if (line === 1 && body.charCodeAt(0) === 0xfeff) body = body.slice(1);
    const trimmed = body.trim();
    if (trimmed.length === 0) return;
    onRecord(trimmed.split(BLANKS), line, body);
  };
  for await (const chunk of input) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl !== -1) {
      handle(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest.length > 0) handle(rest);
}

/**
 * Reads every record of `source`, calling `onRecord` for each (the header line, when there is one,
 * included: the caller decides). Throws `data/read-failed` when the source cannot be read or is not
 * well-formed CSV; errors thrown by `onRecord` propagate unchanged.
 */
export async function readRecords(
  source: CsvSource,
  delimiter: string,
  fn: string,
  onRecord: RecordHandler,
): Promise<void> {
  let input: Readable;
  try {
    input = openSource(source);
  } catch (error) {
    return readFailed(fn, source, error);
  }
  try {
    if (delimiter === 'whitespace') await readWhitespace(input, onRecord);
    else await readDelimited(input, delimiter, onRecord);
  } catch (error) {
    readFailed(fn, source, error);
  }
}

/**
 * Column positions of the seven transaction attributes in a header (-1 when absent). Throws
 * `input/invalid` when a required column (customer id, date, amount) is missing or a mapped name
 * appears twice.
 */
export function columnIndexes(
  header: readonly string[],
  fields: Required<TransactionFields>,
  fn: string,
): number[] {
  const names = header.map((name) => name.trim());
  return FIELD_ORDER.map((key, position) => {
    const name = fields[key];
    const index = names.indexOf(name);
    if (index !== -1 && names.indexOf(name, index + 1) !== -1)
      fail('input/invalid', fn, `column "${name}" appears more than once in the header`, {
        expected: 'unique column names',
        received: names.join(','),
        path: ['fields', key],
      });
    if (index === -1 && position < 3)
      fail('input/invalid', fn, `the file has no column "${name}" for ${key}`, {
        expected: `a column named "${name}" (set fields.${key} or columns)`,
        received: names.join(','),
        path: ['fields', key],
      });
    return index;
  });
}

/**
 * Reads the data records of a transactions file: the first record is the header unless `columns`
 * names the fields, and either maps the seven attributes to positions ({@link columnIndexes}). A
 * record as wide as the header goes to `onRecord` with those positions; any other goes to
 * `onWrongWidth` with the expected and received widths as text.
 */
export async function readTransactionRecords(
  source: CsvSource,
  read: {
    readonly delimiter?: string | undefined;
    readonly columns?: readonly string[] | undefined;
  },
  fields: Required<TransactionFields>,
  fn: string,
  onRecord: (fields: string[], indexes: readonly number[], line: number, raw: string) => void,
  onWrongWidth: (line: number, raw: string, expected: string, received: string) => void,
): Promise<void> {
  let indexes: number[] | undefined =
    read.columns === undefined ? undefined : columnIndexes(read.columns, fields, fn);
  let width = read.columns?.length ?? 0;
  await readRecords(source, read.delimiter ?? ',', fn, (record, line, raw) => {
    if (indexes === undefined) {
      indexes = columnIndexes(record, fields, fn);
      width = record.length;
      return;
    }
    if (record.length !== width) {
      onWrongWidth(line, raw, `${width} fields`, `${record.length} fields`);
      return;
    }
    onRecord(record, indexes, line, raw);
  });
}
