/**
 * The 1 − z transformation of ₂F₁ (Abramowitz & Stegun 15.3.6, with 15.3.10–15.3.12 as its limit),
 * for z close to 1 where the power series in z converges too slowly.
 *
 * With w = 1 − z and m = c − a − b (made >= −1/2 first by Euler's transformation
 * ₂F₁(a,b;c;z) = w^m ₂F₁(c−a,c−b;c;z)), write m = N + ε with N = round(m):
 *
 * - |ε| >= 0.1: A&S 15.3.6 as printed,
 *   F = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) ₂F₁(a,b;1−m;w) + w^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) ₂F₁(c−a,c−b;1+m;w).
 * - |ε| < 0.1 (including ε = 0, an integer m): the two series of 15.3.6 are regrouped term by term so
 *   that the 1/sin(πε) poles cancel analytically (our derivation; at ε = 0 it is exactly A&S 15.3.11):
 *   F = G [ Σ_{n<N} (−1)^n Γ(m−n) (a)_n (b)_n w^n / n!  +  (−1)^N Σ_k u_k E_k ],
 *   G = Γ(c)/(Γ(c−a)Γ(c−b)), u_k = (a)_{N+k} (b)_{N+k} w^{N+k} / (Γ(1+k−ε) (N+k)!),
 *   E_k = −(πε/sin πε) λ_k expm1(ελ_k)/(ελ_k), and
 *   λ_k = ln w + Δ(a+N+k, ε) + Δ(b+N+k, ε) − Δ(1+k, −ε) − Δ(1+N+k, ε) with
 *   Δ(x, e) = [ln Γ(x+e) − ln Γ(x)]/e (→ ψ(x) at e = 0), carried from k to k+1 by
 *   Δ(x+1, e) = Δ(x, e) + ln(1 + e/x)/e. Every quantity is computed without cancellation, so the
 *   result is accurate uniformly as c − a − b approaches an integer (the perturbation approach loses
 *   digits like 1/ε there).
 *
 * Each branch returns an estimate of its own relative rounding error (from Σ|terms|/|F| and the size
 * of the log-gamma prefactors); the caller switches method when it is too large.
 */
import {
  exprel,
  gammaSign,
  lnAbsGamma,
  lnAbsGammaRatio,
  lnGammaDiffQuot,
  lnGammaPositive,
  lnGammaShift,
} from './gamma.js';
import { SERIES_TOL, seriesOut, sumSeries } from './hyp2f1-series.js';

const EPS = 2 ** -52;
const BIG = 1e250;
const LN_BIG = Math.log(BIG);

/** Output of {@link oneMinusZ}: F = mant · e^expo, with a relative error estimate. */
export const transformOut = { mant: 0, expo: 0, err: 0, terms: 0 };

/**
 * Adds two signed log-scaled parts v_i e^{E_i} into transformOut. `abs_i` is Σ|terms| of part i and
 * `mag_i` the size of the logs that make up its prefactor (its absolute error is about mag_i ulps);
 * `err` becomes the estimated relative error of the sum in ulps, before the sqrt(terms) factor.
 */
function combine(
  v1: number,
  e1: number,
  abs1: number,
  mag1: number,
  v2: number,
  e2: number,
  abs2: number,
  mag2: number,
  terms: number,
): void {
  const e = Math.max(e1, e2);
  const f1 = Math.exp(e1 - e);
  const f2 = Math.exp(e2 - e);
  const mant = v1 * f1 + v2 * f2;
  transformOut.mant = mant;
  transformOut.expo = e;
  const k = 8 + terms; // the term recurrences can drift by an ulp per term
  const budget = (k * abs1 + Math.abs(v1) * mag1) * f1 + (k * abs2 + Math.abs(v2) * mag2) * f2;
  transformOut.err = mant === 0 ? Number.POSITIVE_INFINITY : (EPS * budget) / Math.abs(mant);
  transformOut.terms = terms;
}

/** True when x + k and x + k + e have different signs (or hit 0) for some integer k >= 0. */
function crossesPole(x: number, e: number): boolean {
  const k0 = Math.max(0, Math.round(-x));
  for (let k = Math.max(0, k0 - 1); k <= k0 + 1; k += 1) {
    if ((x + k) * (x + k + e) <= 0) return true;
  }
  return false;
}

/** ln(1 + t)/t with limit 1 at 0. */
function log1pQuot(t: number): number {
  return t === 0 ? 1 : Math.log1p(t) / t;
}

/** Δ(x, e) = [ln|Γ(x+e)| − ln|Γ(x)|]/e for any x, x+e on the same side of every pole. */
function deltaAny(x: number, e: number): number {
  if (x > 0) return lnGammaDiffQuot(x, e);
  // Reflection: ln|Γ(x)| = ln π − ln|sin πx| − ln Γ(1−x), so
  // Δ(x, e) = Δ(1−x, −e) − ln[sin π(x+e) / sin πx] / e, and
  // sin π(x+e)/sin πx = 1 + u, u = −2 sin²(πe/2) + cot(πx) sin(πe).
  const xr = x - 2 * Math.round(x / 2);
  const cot = Math.cos(Math.PI * xr) / Math.sin(Math.PI * xr);
  let uOverE: number;
  let u: number;
  if (e === 0) {
    u = 0;
    uOverE = Math.PI * cot;
  } else {
    const s = Math.sin((Math.PI * e) / 2);
    u = -2 * s * s + cot * Math.sin(Math.PI * e);
    uOverE = u / e;
  }
  return lnGammaDiffQuot(1 - x, -e) - log1pQuot(u) * uOverE;
}

/** ln|(x)_n| and its sign into pochOut. */
const pochOut = { log: 0, sign: 1 };
function lnPoch(x: number, n: number): void {
  if (n <= 16) {
    let p = 1;
    for (let i = 0; i < n; i += 1) p *= x + i;
    pochOut.log = Math.log(Math.abs(p));
    pochOut.sign = p < 0 ? -1 : 1;
    return;
  }
  pochOut.log = lnGammaShift(x, n);
  pochOut.sign = gammaSign(x + n) * gammaSign(x);
}

/**
 * ₂F₁(a, b; c; 1 − w) by the 1 − z transformation, given m = c − a − b and lw = ln w.
 * Writes transformOut; returns false when a series hit `maxTerms`.
 */
export function oneMinusZ(
  a: number,
  b: number,
  c: number,
  m: number,
  w: number,
  lw: number,
  maxTerms: number,
): boolean {
  let pre = 0;
  if (m < -0.5) {
    const a2 = c - a;
    b = c - b;
    a = a2;
    pre = m * lw;
    m = -m;
  }
  const N = Math.round(m);
  const eps = m - N;
  const ok =
    Math.abs(eps) < 0.1 && !crossesPole(a + N, eps) && !crossesPole(b + N, eps)
      ? epsForm(a, b, c, m, N, eps, w, lw, maxTerms)
      : plainForm(a, b, c, m, w, lw, maxTerms);
  transformOut.expo += pre;
  transformOut.err += EPS * Math.abs(pre);
  return ok;
}

/**
 * The w-independent log-gamma prefactors of the last (a, b, c, m) seen by {@link plainForm}: models
 * evaluate ₂F₁ at one parameter set for many z (E[X(t)] over t, DEL over d), and these seven
 * log-gammas cost more than the two short series. Module-private, deterministic, never observable.
 */
const plainMemo = {
  a: Number.NaN,
  b: Number.NaN,
  c: Number.NaN,
  m: Number.NaN,
  r1: 0,
  r2: 0,
  s1: 1,
  s2: 1,
};

/** A&S 15.3.6 as printed (m not within 0.1 of an integer, or a pole crossing in the ε-form). */
function plainForm(
  a: number,
  b: number,
  c: number,
  m: number,
  w: number,
  lw: number,
  maxTerms: number,
): boolean {
  const ca = c - a;
  const cb = c - b;
  if (a !== plainMemo.a || b !== plainMemo.b || c !== plainMemo.c || m !== plainMemo.m) {
    // Pair the large gammas so that their ratio is formed without cancellation:
    // ln Γ(c) − ln Γ(c − b) = −[ln Γ(c − b) − ln Γ(c)] with the exact offset b (c − b is rounded).
    plainMemo.r1 =
      (a >= b ? -lnGammaShift(c, -b) - lnAbsGamma(ca) : -lnGammaShift(c, -a) - lnAbsGamma(cb)) +
      lnAbsGamma(m);
    plainMemo.r2 = lnAbsGammaRatio(c, Math.max(a, b)) - lnAbsGamma(Math.min(a, b)) + lnAbsGamma(-m);
    const sc = gammaSign(c);
    plainMemo.s1 = sc * gammaSign(m) * gammaSign(ca) * gammaSign(cb);
    plainMemo.s2 = sc * gammaSign(-m) * gammaSign(a) * gammaSign(b);
    plainMemo.a = a;
    plainMemo.b = b;
    plainMemo.c = c;
    plainMemo.m = m;
  }
  const { r1, r2, s1, s2 } = plainMemo;
  const l1 = r1;
  const l2 = m * lw + r2;
  const ok1 = sumSeries(a, b, 1 - m, w, maxTerms);
  const v1 = s1 * seriesOut.mant;
  const e1 = l1 + seriesOut.expo;
  const a1 = seriesOut.abs;
  let terms = seriesOut.terms;
  const ok2 = sumSeries(ca, cb, 1 + m, w, maxTerms);
  terms += seriesOut.terms;
  combine(
    v1,
    e1,
    a1,
    4 * Math.abs(r1) + 8,
    s2 * seriesOut.mant,
    l2 + seriesOut.expo,
    seriesOut.abs,
    4 * (Math.abs(r2) + Math.abs(m * lw)) + 8,
    terms,
  );
  return ok1 && ok2;
}

/** The regrouped, pole-free form for |ε| < 0.1 (see the module comment). */
function epsForm(
  a: number,
  b: number,
  c: number,
  m: number,
  N: number,
  eps: number,
  w: number,
  lw: number,
  maxTerms: number,
): boolean {
  // G = Γ(c)/(Γ(c−a)Γ(c−b)); c − a = b + m, c − b = a + m.
  const ca = c - a;
  const cb = c - b;
  const lG = a >= b ? -lnGammaShift(c, -b) - lnAbsGamma(ca) : -lnGammaShift(c, -a) - lnAbsGamma(cb);
  const sG = gammaSign(c) * gammaSign(ca) * gammaSign(cb);
  const gammaMag = 4 * Math.abs(lG) + 8;

  // Finite part: Γ(m) Σ_{n<N} ρ_n, ρ_0 = 1, ρ_{n+1} = −ρ_n (a+n)(b+n) w / ((m−n−1)(n+1)).
  let pSum = 0;
  let pAbs = 0;
  let pExpo = N >= 1 ? 0 : Number.NEGATIVE_INFINITY;
  let pMag = 0;
  if (N >= 1) {
    let rho = 1;
    pSum = 1;
    pAbs = 1;
    for (let n = 0; n < N - 1; n += 1) {
      rho *= (-((a + n) * (b + n)) * w) / ((m - n - 1) * (n + 1));
      pSum += rho;
      pAbs += Math.abs(rho);
      if (Math.abs(rho) > BIG) {
        rho /= BIG;
        pSum /= BIG;
        pAbs /= BIG;
        pExpo += LN_BIG;
      }
    }
    const lgm = lnGammaPositive(m);
    pExpo += lgm;
    pMag = 4 * Math.abs(lgm);
  }

  // Tail: u_0 = (a)_N (b)_N w^N / (Γ(1−ε) N!).
  lnPoch(a, N);
  let lu0 = pochOut.log;
  let su0 = pochOut.sign;
  lnPoch(b, N);
  lu0 += pochOut.log + N * lw - lnGammaPositive(1 - eps) - lnGammaPositive(N + 1);
  su0 *= pochOut.sign;
  const uMag = 4 * Math.abs(lu0);

  const xa = a + N;
  const xb = b + N;
  const da = deltaAny(xa, eps);
  const db = deltaAny(xb, eps);
  const d1 = lnGammaDiffQuot(1, -eps);
  const dn = lnGammaDiffQuot(1 + N, eps);
  let lambda = lw + da + db - d1 - dn;
  let lambdaMag = Math.abs(lw) + Math.abs(da) + Math.abs(db) + Math.abs(d1) + Math.abs(dn);
  const f = eps === 0 ? 1 : (Math.PI * eps) / Math.sin(Math.PI * eps);

  let u = 1; // u_k / u_0, rescaled
  let tExpo = 0;
  let tSum = 0;
  let tAbs = 0;
  let k = 0;
  let done = false;
  const k1 = Math.max(0, -xa, -xb);
  while (k < maxTerms) {
    const E = -f * lambda * exprel(eps * lambda);
    const term = u * E;
    tSum += term;
    tAbs += Math.abs(u) * f * (Math.abs(lambda) + lambdaMag) * exprel(Math.abs(eps * lambda));
    // Advance to k + 1.
    const ak = xa + k;
    const bk = xb + k;
    const la = log1pQuot(eps / ak) / ak;
    const lb = log1pQuot(eps / bk) / bk;
    const l1 = log1pQuot(-eps / (1 + k)) / (1 + k);
    const ln = log1pQuot(eps / (1 + N + k)) / (1 + N + k);
    const ratio = (ak * bk * w) / ((1 + k - eps) * (N + k + 1));
    // Tail bound from k + 1 on: |u_{k+1}| ρ/(1−ρ) times a bound on |E|.
    if (k + 1 > k1 && Math.abs(term) <= SERIES_TOL * Math.abs(tSum)) {
      const j = k + 1;
      const r1 = (j + xa) / (j + 1 - eps);
      const r2 = (j + xb) / (j + N + 1);
      const r3 = (j + xa) / (j + N + 1);
      const r4 = (j + xb) / (j + 1 - eps);
      const fa = Math.max(r1, 1) * Math.max(r2, 1);
      const fb = Math.max(r3, 1) * Math.max(r4, 1);
      const rho = w * Math.min(fa, fb);
      const lamBound = Math.abs(lw) + Math.abs(lambda - lw) + Math.abs(la + lb - l1 - ln);
      const eBound = f * lamBound * exprel(Math.abs(eps) * lamBound);
      const next = Math.abs(u * ratio);
      if (rho < 1 && next * eBound <= SERIES_TOL * Math.abs(tSum) * (1 - rho)) {
        done = true;
        k += 1;
        break;
      }
    }
    u *= ratio;
    lambda += la + lb - l1 - ln;
    lambdaMag += Math.abs(la) + Math.abs(lb) + Math.abs(l1) + Math.abs(ln);
    k += 1;
    if (Math.abs(u) > BIG) {
      u /= BIG;
      tSum /= BIG;
      tAbs /= BIG;
      tExpo += LN_BIG;
    }
    if (u === 0) {
      done = true;
      break;
    }
  }
  const sign = N % 2 === 0 ? 1 : -1;
  combine(
    sG * pSum,
    lG + pExpo,
    pAbs,
    gammaMag + pMag,
    sG * sign * su0 * tSum,
    lG + lu0 + tExpo,
    tAbs,
    gammaMag + uMag,
    N + k,
  );
  return done;
}
