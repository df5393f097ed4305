import { describe, expect, it } from 'vitest';
import {
  safeValidateSurvivalCounts,
  validateSurvivalCounts,
} from '../../src/data/survival-counts.js';

/** Fader & Hardie (2007), Table 1: customers alive out of 1000 at years 0..12. */
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394];

describe('validateSurvivalCounts', () => {
  it('accepts the published sBG data, as one array or as labelled cohorts', () => {
    expect(validateSurvivalCounts(REGULAR)).toEqual({ cohorts: [{ cohort: '0', alive: REGULAR }] });
    const both = validateSurvivalCounts({
      cohorts: [{ cohort: 'regular', alive: REGULAR }, { alive: HIGH_END.slice(0, 8) }],
    });
    expect(both.cohorts.map((c) => [c.cohort, c.alive.length])).toEqual([
      ['regular', 13],
      ['1', 8],
    ]);
    expect(Object.isFrozen(both.cohorts[1]!.alive)).toBe(true);
  });

  const rejects = (input: unknown, message: RegExp, path: unknown[], code = 'input/invalid') => {
    const result = safeValidateSurvivalCounts(input as never);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
      expect(result.error.path).toEqual(path);
    }
  };

  it('names the position of an increasing count', () => {
    rejects(
      [1000, 631, 640, 382],
      /validateSurvivalCounts: alive\[2\] increases from the count before it; expected a non-increasing count <= 631, received 640/,
      [2],
    );
    rejects(
      { cohorts: [{ alive: REGULAR }, { alive: [10, 8, 9] }] },
      /counts\.cohorts\[1\]\.alive\[2\] increases/,
      ['cohorts', 1, 'alive', 2],
    );
  });

  it("names a count larger than the cohort's starting size", () => {
    rejects(
      [100, 120],
      /alive\[1\] is larger than the cohort's size alive\[0\]; expected a count <= 100, received 120/,
      [1],
    );
  });

  it('rejects negative, fractional and non-numeric counts with zod', () => {
    rejects([1000, -1], /alive\[1\]/, [1]);
    rejects([1000, 500.5], /alive\[1\]/, [1]);
    rejects({ cohorts: [{ alive: [10, '9'] }] }, /counts\.cohorts\[0\]\.alive\[1\]/, [
      'cohorts',
      0,
      'alive',
      1,
    ]);
  });

  it('rejects empty and zero-size cohorts and an empty list', () => {
    rejects([], /alive/, []);
    rejects([0, 0], /alive\[0\] is a cohort of size 0/, [0]);
    rejects({ cohorts: [] }, /counts\.cohorts is empty/, ['cohorts'], 'input/empty');
  });

  it("reports errors under the caller's function name", () => {
    expect(() => validateSurvivalCounts([5, 6], { fn: 'fitSbg' })).toThrowError(
      /^fitSbg: alive\[1\]/,
    );
  });
});
