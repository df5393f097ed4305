import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a valid calendar date `YYYY-MM-DD` (UTC, no time zone), or NaN. */
export function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC maps years 0-99 to 1900-1999; reject them with the other impossible dates.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return Number.NaN;
  return ms / MS_PER_DAY;
}

/** zod schema for an ISO 8601 calendar date `YYYY-MM-DD` that exists (no 2023-02-29). */
export const IsoDateSchema = z.string().refine((s) => !Number.isNaN(dayNumber(s)), {
  message: 'Must be a calendar date written YYYY-MM-DD (for example "2008-01-01")',
});
