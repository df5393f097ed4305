/**
 * Internal: a stream of cash flows as a polynomial in the discount variable u,
 * `P(u) = sum_j a_j u^(e_j)` with non-negative integer exponents. For periodic flows u = 1/(1+r) and
 * e_j = j (NPV); for dated flows u = (1+r)^(-1/365) and e_j = days since the first date (XNPV). One
 * evaluator serves NPV, XNPV, IRR and XIRR, so the root a solver finds is a root of exactly the
 * function the library reports.
 */
import type { DecimalValue } from './decimal.js';
import { ONE, ZERO } from './decimal-input.js';

/** Exponents strictly decreasing (distinct), each with its summed amount. */
export interface FlowPolynomial {
  readonly exponents: readonly number[];
  readonly amounts: readonly DecimalValue[];
}

/**
 * Builds the polynomial of flows at integer times: merges equal times, orders by decreasing time.
 * `times` are non-negative safe integers.
 */
export function flowPolynomial(
  times: readonly number[],
  amounts: readonly DecimalValue[],
): FlowPolynomial {
  const order = times.map((_, i) => i).sort((a, b) => times[b]! - times[a]! || a - b);
  const exponents: number[] = [];
  const merged: DecimalValue[] = [];
  for (const i of order) {
    const e = times[i]!;
    const last = exponents.length - 1;
    if (last >= 0 && exponents[last] === e) merged[last] = merged[last]!.plus(amounts[i]!);
    else {
      exponents.push(e);
      merged.push(amounts[i]!);
    }
  }
  return { exponents, amounts: merged };
}

/** The polynomial of `amounts[t]` at t = offset, offset + 1, ... (already in time order). */
export function periodicPolynomial(amounts: readonly DecimalValue[], offset = 0): FlowPolynomial {
  const n = amounts.length;
  const exponents = new Array<number>(n);
  const reversed = new Array<DecimalValue>(n);
  for (let k = 0; k < n; k++) {
    exponents[k] = n - 1 - k + offset;
    reversed[k] = amounts[n - 1 - k]!;
  }
  return { exponents, amounts: reversed };
}

function power(u: DecimalValue, gap: number): DecimalValue {
  return gap === 1 ? u : gap === 0 ? ONE : u.pow(gap);
}

/** P(u) by Horner's rule over the gaps between exponents. */
export function evaluatePolynomial(poly: FlowPolynomial, u: DecimalValue): DecimalValue {
  const { exponents, amounts } = poly;
  const m = exponents.length;
  if (m === 0) return ZERO;
  let p = amounts[0]!;
  for (let j = 1; j < m; j++) {
    const gap = exponents[j - 1]! - exponents[j]!;
    p = (gap === 1 ? p.times(u) : p.times(power(u, gap))).plus(amounts[j]!);
  }
  const last = exponents[m - 1]!;
  return last === 0 ? p : p.times(power(u, last));
}

/** P(u) and P'(u) in one Horner pass. */
export function evaluateWithDerivative(
  poly: FlowPolynomial,
  u: DecimalValue,
): readonly [DecimalValue, DecimalValue] {
  const { exponents, amounts } = poly;
  const m = exponents.length;
  if (m === 0) return [ZERO, ZERO];
  let p = amounts[0]!;
  let dp = ZERO;
  // Going from exponent e to e - gap: p <- p u^gap + a, dp <- dp u^gap + gap p u^(gap-1).
  for (let j = 1; j <= m; j++) {
    const gap = j < m ? exponents[j - 1]! - exponents[j]! : exponents[m - 1]!;
    if (gap === 0) break; // only for j = m: the last exponent is 0
    const a = j < m ? amounts[j] : undefined;
    if (gap === 1) {
      dp = dp.times(u).plus(p);
      p = p.times(u);
    } else {
      const below = power(u, gap - 1);
      const full = below.times(u);
      dp = dp.times(full).plus(p.times(below).times(gap));
      p = p.times(full);
    }
    if (a !== undefined) p = p.plus(a);
  }
  return [p, dp];
}

/** Number of sign changes in the flows taken in time order, zeros skipped (Descartes' rule). */
export function signChanges(poly: FlowPolynomial): number {
  let changes = 0;
  let previous = 0;
  for (let j = poly.amounts.length - 1; j >= 0; j--) {
    const a = poly.amounts[j]!;
    const s = a.isZero() ? 0 : a.isNeg() ? -1 : 1;
    if (s === 0) continue;
    if (previous !== 0 && s !== previous) changes++;
    previous = s;
  }
  return changes;
}
