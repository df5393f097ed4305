/**
 * The derived contractual reference values (REFERENCE.md §5 held-out checks) written by derive.py in
 * this folder with mpmath at 40 digits and brute-force sums, committed with the script.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = resolve(dirname(fileURLToPath(import.meta.url)), 'contractual.json');

let cached: unknown;

/** The parsed JSON, indexed by the ids derive.py writes. */
// biome-ignore lint/suspicious/noExplicitAny: reference JSON read by tests
export function contractualReference(): Record<string, any> {
  cached ??= JSON.parse(readFileSync(file, 'utf8'));
  // biome-ignore lint/suspicious/noExplicitAny: reference JSON read by tests
  return cached as Record<string, any>;
}

/** Fader & Hardie (2007), Table 1: customers alive out of 1000 at years 0..12. */
export const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173] as const;
export const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394] as const;

/** Brute-force Σ_{t>=n} S(t)/S(n-1) v^(t-n) from a survival function, summed until negligible. */
export function bruteDerl(survival: (t: number) => number, n: number, d: number): number {
  const v = 1 / (1 + d);
  const base = survival(n - 1);
  let sum = 0;
  let factor = 1;
  for (let t = n; t < n + 100_000; t += 1) {
    const term = (survival(t) / base) * factor;
    sum += term;
    if (term < 1e-18 * sum) break;
    factor *= v;
  }
  return sum;
}

/** Brute-force DEL = Σ_{t>=0} S(t) v^t. */
export function bruteDel(survival: (t: number) => number, d: number): number {
  return 1 + bruteDerl(survival, 1, d) / (1 + d);
}
