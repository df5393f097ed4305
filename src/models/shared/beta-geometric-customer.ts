/**
 * Customer-level quantities of the beta-geometric/NBD family, for BG/NBD (`dropAtZero` 0: FHL 2005)
 * and MBG/NBD (`dropAtZero` 1: Batislam, Denizel & Filiztekin 2007, who let a customer also drop out
 * right after the first purchase). Inputs are checked by the public wrappers.
 */
import { lnGammaPositive } from '../../math/gamma.js';
import { betaln } from '../../math/index.js';
import type { BetaGeometricParams } from './beta-geometric-likelihood.js';
import {
  aliveDiscountedCount,
  aliveExpectedCount,
  aliveSurvival,
} from './beta-geometric-predict.js';
import { regularizedIncompleteBeta } from './incomplete-beta.js';

/** x, t_x, T of one customer (checked). */
export interface History {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
}

/**
 * ln of the posterior odds that the customer is inactive, ln[A4/A3] = ln a − ln(b+x+o−1) +
 * (r+x) ln((α+T)/(α+t_x)); −Infinity when the customer cannot be inactive (BG/NBD, x = 0).
 */
export function logOddsInactive(p: BetaGeometricParams, c: History, o: 0 | 1): number {
  const x = c.frequency;
  if (x + o === 0) return Number.NEGATIVE_INFINITY;
  return (
    Math.log(p.a / (p.b + x + o - 1)) +
    (p.r + x) * Math.log1p((c.T - c.recency) / (p.alpha + c.recency))
  );
}

/**
 * P(alive at T | x, t_x, T) = 1 / (1 + A4/A3): Fader, Hardie & Lee (2008, note 021) (o = 0); Batislam et al. (2007)
 * (o = 1). Returned as 1/(1 + e^d), which is 0 (never NaN) when e^d overflows.
 */
export function familyProbabilityAlive(p: BetaGeometricParams, c: History, o: 0 | 1): number {
  const d = logOddsInactive(p, c, o);
  return d === Number.NEGATIVE_INFINITY ? 1 : 1 / (1 + Math.exp(d));
}

/** Parameters of the alive customer's future after history c: (r+x, α+T, a, b+x+o). */
function posterior(p: BetaGeometricParams, c: History, o: 0 | 1) {
  return { r: p.r + c.frequency, alpha: p.alpha + c.T, a: p.a, b: p.b + c.frequency + o };
}

/** E[Y(t) | x, t_x, T] = P(alive) · G(t; r+x, α+T, a, b+x+o): FHL (2005) eq. 10 (o = 0). */
export function familyExpectedPurchases(
  p: BetaGeometricParams,
  c: History,
  t: number,
  o: 0 | 1,
): number {
  const alive = familyProbabilityAlive(p, c, o);
  if (alive === 0 || t === 0) return 0;
  const q = posterior(p, c, o);
  return alive * aliveExpectedCount(q.r, q.alpha, q.a, q.b, t);
}

/** E[X(t)] of a customer just acquired: FHL (2005) eq. 9 (o = 0); b/(a+b) · G(t; r, α, a, b+1) (o = 1). */
export function familyExpectedNew(p: BetaGeometricParams, t: number, o: 0 | 1): number {
  if (o === 0) return aliveExpectedCount(p.r, p.alpha, p.a, p.b, t);
  return (p.b / (p.a + p.b)) * aliveExpectedCount(p.r, p.alpha, p.a, p.b + 1, t);
}

/** P(alive at T + t | x, t_x, T) = P(alive at T) · S(t; r+x, α+T, a, b+x+o). */
export function familyProbabilityAliveAt(
  p: BetaGeometricParams,
  c: History,
  t: number,
  o: 0 | 1,
): number {
  const alive = familyProbabilityAlive(p, c, o);
  if (alive === 0 || t === 0) return alive;
  const q = posterior(p, c, o);
  return alive * aliveSurvival(q.r, q.alpha, q.a, q.b, t);
}

/**
 * DERT at force of interest δ = ln(1 + d): P(alive) · ∫_0^∞ e^(−δt) dG(t; posterior params);
 * undiscounted (δ = 0) it is P(alive) · (a+b+x+o−1)/(a−1), finite only for a > 1 (the caller checks).
 */
export function familyDert(p: BetaGeometricParams, c: History, delta: number, o: 0 | 1): number {
  const alive = familyProbabilityAlive(p, c, o);
  if (alive === 0) return 0;
  const q = posterior(p, c, o);
  if (delta === 0) return (alive * (q.a + q.b - 1)) / (q.a - 1);
  return alive * aliveDiscountedCount(q.r, q.alpha, q.a, q.b, delta);
}

/**
 * P(X(t) = n) for a customer just acquired: FHL (2005) eq. 8 (o = 0) and its MBG/NBD analogue
 * (o = 1), derived the same way: alive after n purchases with probability E[(1−p)^(n+o)], or dead
 * at the n-th (or, o = 1 and n = 0, at the first) purchase with probability E[p(1−p)^(n+o−1)] after
 * at least n Poisson events:
 *
 *   P(X(t)=n) = B(a, b+n+o)/B(a,b) · NBD(n) + 1{n+o>0} B(a+1, b+n+o−1)/B(a,b) · P(NBD >= n)
 *
 * with NBD(n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n and P(NBD >= n) = I_{t/(α+t)}(n, r).
 */
export function familyPmf(
  p: BetaGeometricParams,
  n: number,
  t: number,
  o: 0 | 1,
  fn: string,
): number {
  const { r, alpha, a, b } = p;
  const lnBab = betaln(a, b);
  let alivePart: number;
  let tail: number;
  if (t === 0) {
    alivePart = n === 0 ? 1 : 0;
    tail = n === 0 ? 1 : 0;
  } else {
    const lnQ = -Math.log1p(t / alpha); // ln(α/(α+t))
    const lnZ = -Math.log1p(alpha / t); // ln(t/(α+t))
    alivePart = Math.exp(
      lnGammaPositive(r + n) -
        lnGammaPositive(r) -
        lnGammaPositive(n + 1) +
        r * lnQ +
        (n === 0 ? 0 : n * lnZ),
    );
    tail = n === 0 ? 1 : regularizedIncompleteBeta(n, r, t / (alpha + t), alpha / (alpha + t), fn);
  }
  let value = Math.exp(betaln(a, b + n + o) - lnBab) * alivePart;
  if (n + o > 0) value += Math.exp(betaln(a + 1, b + n + o - 1) - lnBab) * tail;
  return Math.min(value, 1);
}
