import { fail } from '../core/errors.js';
import { dayFromIsoDate, isoDateFromDay } from './cohort-calendar.js';

/**
 * The day numbers of a simulation's validated `start`, `end` and last acquisition day
 * (`acquisitionEnd`, default `start`). Throws `input/invalid` when `acquisitionEnd` is before
 * `start` or `end` is before the last acquisition day (`lastWhat` names it in the message, e.g.
 * "the last start date").
 *
 * @internal
 */
export function simulationWindow(
  opts: {
    readonly start: string;
    readonly end: string;
    readonly acquisitionEnd?: string | undefined;
  },
  fn: string,
  lastWhat: string,
): { startDay: number; endDay: number; lastDay: number } {
  const startDay = dayFromIsoDate(opts.start)!;
  const endDay = dayFromIsoDate(opts.end)!;
  const lastDay =
    opts.acquisitionEnd === undefined ? startDay : dayFromIsoDate(opts.acquisitionEnd)!;
  if (lastDay < startDay)
    fail('input/invalid', fn, 'options.acquisitionEnd is before options.start', {
      path: ['acquisitionEnd'],
      expected: `a date on or after ${opts.start}`,
      received: opts.acquisitionEnd,
    });
  if (endDay < lastDay)
    fail('input/invalid', fn, `options.end is before ${lastWhat}`, {
      path: ['end'],
      expected: `a date on or after ${isoDateFromDay(lastDay)}`,
      received: opts.end,
    });
  return { startDay, endDay, lastDay };
}
