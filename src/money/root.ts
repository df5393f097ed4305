/**
 * Internal: the root of a cash-flow polynomial P(u) in u > 0, for IRR (u = 1/(1+r)) and XIRR
 * (u = (1+r)^(-1/365)). Two stages, all in 40-digit decimal arithmetic:
 *
 * 1. Bracket. Walk outward from the guess in x = ln(1 + r), both ways: in steps of 0.05 up to
 *    a distance of 2 (about 5 percentage points near r = 0; r from -86% to +639% around a 0
 *    guess), then doubling to 4, 8, ... 128 (r from about -1 + e^-128 to e^128), and on while a
 *    root must exist (first and last flows of opposite signs) and the numbers stay within
 *    decimal.js's range. The first interval where P changes sign (or hits zero) is the bracket, so
 *    the root found is the one nearest the guess in x; two roots closer together than the step can
 *    hide each other. Grid points cost one multiplication each (u scales by e^(-0.05/K) per step,
 *    then by squaring).
 * 2. Refine by safeguarded Newton (Numerical Recipes' `rtsafe`): a Newton step on P(u) when it stays
 *    inside the bracket and shrinks the step fast enough, bisection otherwise; the bracket shrinks at
 *    every step. Stops when the step is below 1e-32 relative to u, or P(u) is exactly zero.
 */
import { fail } from '../core/errors.js';
import {
  evaluatePolynomial,
  evaluateWithDerivative,
  type FlowPolynomial,
} from './cash-flow-polynomial.js';
import { Dec, type DecimalValue } from './decimal.js';

const FINE_STEP = 0.05;
const FINE_STEPS = 40;
const DOUBLINGS = 6;
/** Doublings allowed when a root must exist: |x| up to 2^41, far past any rate that prints. */
const MAX_DOUBLINGS = 40;
const RELATIVE_TOLERANCE = new Dec('1e-32');

/** The result of {@link findDiscountRoot}. */
export interface DiscountRoot {
  readonly u: DecimalValue;
  readonly value: DecimalValue;
  readonly iterations: number;
  readonly evaluations: number;
  /** The bracket in u before refinement, `[smaller u, larger u]`. */
  readonly bracket: readonly [DecimalValue, DecimalValue];
}

function sign(x: DecimalValue): -1 | 0 | 1 {
  return x.isZero() ? 0 : x.isNeg() ? -1 : 1;
}

interface Bracket {
  readonly a: DecimalValue;
  readonly fa: DecimalValue;
  readonly b: DecimalValue;
  readonly fb: DecimalValue;
}

/** How far u is from u0 on a log scale, as a ratio >= 1 (no logarithm needed to compare). */
function logDistance(u: DecimalValue, u0: DecimalValue): DecimalValue {
  return u.gt(u0) ? u.div(u0) : u0.div(u);
}

/**
 * Finds u > 0 with P(u) = 0 nearest (in log scale) to `u0`. `perYear` is K in u = (1+r)^(-1/K).
 * Throws `finance/not-converged` when no bracket is found or the iteration budget runs out.
 */
export function findDiscountRoot(
  poly: FlowPolynomial,
  u0: DecimalValue,
  perYear: number,
  maxIterations: number,
  fn: string,
): DiscountRoot {
  const counter = { evaluations: 0 };
  const f = (u: DecimalValue): DecimalValue => {
    counter.evaluations++;
    return evaluatePolynomial(poly, u);
  };
  const f0 = f(u0);
  if (f0.isZero())
    return { u: u0, value: f0, iterations: 0, evaluations: counter.evaluations, bracket: [u0, u0] };

  // Stage 1: bracket. Higher rate = smaller u. Walk out both ways from the guess, first in uniform
  // steps of 0.05 in x = ln(1 + r) up to 2, then doubling up to 128 (further while a root must
  // exist); at each distance look both ways, and when both sides change sign at the same distance
  // refine both and keep the root nearer the guess.
  const mustExist = rootMustExist(poly);
  const step = new Dec(-FINE_STEP).div(perYear).exp(); // e^(-0.05/K) < 1
  let factor: DecimalValue = step;
  const up = { u: u0, f: f0, open: true }; // rates above the guess
  const down = { u: u0, f: f0, open: true }; // rates below the guess
  const last = FINE_STEPS + (mustExist ? MAX_DOUBLINGS : DOUBLINGS);
  for (let k = 1; k <= last && (up.open || down.open); k++) {
    const found: Bracket[] = [];
    for (const side of [up, down]) {
      if (!side.open) continue;
      const u = side === up ? u0.times(factor) : u0.div(factor);
      const value = u.isFinite() && !u.isZero() ? f(u) : undefined;
      if (value === undefined || !value.isFinite()) {
        side.open = false; // beyond decimal.js's range on this side
        continue;
      }
      if (sign(value) !== sign(side.f))
        found.push(
          side === up
            ? { a: u, fa: value, b: side.u, fb: side.f }
            : { a: side.u, fa: side.f, b: u, fb: value },
        );
      side.u = u;
      side.f = value;
    }
    if (found.length > 0) {
      const roots = found.map((bracket) => refine(poly, bracket, maxIterations, counter, fn));
      const best =
        roots.length === 2 && logDistance(roots[1]!.u, u0).lt(logDistance(roots[0]!.u, u0))
          ? roots[1]!
          : roots[0]!;
      return { ...best, evaluations: counter.evaluations };
    }
    factor = k < FINE_STEPS ? factor.times(step) : factor.times(factor);
  }
  return fail(
    'finance/not-converged',
    fn,
    'no rate found: NPV keeps one sign for every rate tried',
    {
      expected: mustExist
        ? 'a rate within decimal.js range (the flows have an odd number of sign changes)'
        : 'cash flows whose NPV changes sign between rates of about -100% and e^128',
      received: `${counter.evaluations} evaluations`,
      details: { stage: 'bracket', evaluations: counter.evaluations },
    },
  );
}

/**
 * True when the first and last non-zero flows differ in sign: P(u) then changes sign between
 * u -> 0 and u -> infinity, so a root exists (an odd number of sign changes).
 */
function rootMustExist(poly: FlowPolynomial): boolean {
  const nonZero = poly.amounts.filter((a) => !a.isZero());
  const first = nonZero[0];
  const lastOne = nonZero[nonZero.length - 1];
  return first !== undefined && lastOne !== undefined && first.isNeg() !== lastOne.isNeg();
}

/** Stage 2: safeguarded Newton (rtsafe) on a bracket [a, b] with a sign change. */
function refine(
  poly: FlowPolynomial,
  { a, fa, b, fb }: Bracket,
  maxIterations: number,
  counter: { evaluations: number },
  fn: string,
): DiscountRoot {
  const done = (u: DecimalValue, value: DecimalValue, iterations: number): DiscountRoot => ({
    u,
    value,
    iterations,
    evaluations: counter.evaluations,
    bracket: [a, b],
  });
  if (fa.isZero()) return done(a, fa, 0);
  if (fb.isZero()) return done(b, fb, 0);
  // Orient so that f(lo) < 0 < f(hi).
  let lo = fa.isNeg() ? a : b;
  let hi = fa.isNeg() ? b : a;
  let x = a.plus(b).div(2);
  let dxOld = b.minus(a).abs();
  let dx = dxOld;
  let [value, slope] = evaluateWithDerivative(poly, x);
  counter.evaluations++;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Newton would leave the bracket when (x - hi) f' - f and (x - lo) f' - f have the same sign.
    const outside = x
      .minus(hi)
      .times(slope)
      .minus(value)
      .times(x.minus(lo).times(slope).minus(value))
      .gt(0);
    const slow = value.times(2).abs().gt(dxOld.times(slope).abs());
    dxOld = dx;
    if (outside || slow || slope.isZero()) {
      dx = hi.minus(lo).div(2);
      x = lo.plus(dx);
    } else {
      dx = value.div(slope);
      x = x.minus(dx);
    }
    const converged = dx.abs().lte(RELATIVE_TOLERANCE.times(x.abs()));
    [value, slope] = evaluateWithDerivative(poly, x);
    counter.evaluations++;
    if (converged || value.isZero()) return done(x, value, iteration);
    if (value.isNeg()) lo = x;
    else hi = x;
  }
  return fail('finance/not-converged', fn, `no convergence within ${maxIterations} iterations`, {
    expected: 'a step below 1e-32 relative',
    received: `last step ${dx.abs().toExponential(3)}`,
    details: { stage: 'refine', evaluations: counter.evaluations, iterations: maxIterations },
  });
}
