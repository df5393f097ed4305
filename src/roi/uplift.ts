/**
 * What a retention uplift of Δ points means for a heterogeneous base, and the survival curves it
 * produces. Float64 world: probabilities and expected counts (STYLE.md).
 *
 * Definition (the same for every kind of base): the programme scales the churn probability of every
 * customer by the same factor c (when Δ >= 0), or the retention probability of every customer by the
 * same factor s (when Δ < 0), chosen so that the base's aggregate next-period retention R̄ (the
 * expected share of today's customers still customers next period) moves by exactly Δ points:
 *
 *   Δ >= 0:  θ' = c·θ,          c = 1 − Δ/(1 − R̄)   (R̄' = 1 − c(1 − R̄) = R̄ + Δ)
 *   Δ < 0:   (1 − θ)' = s(1 − θ), s = 1 + Δ/R̄       (R̄' = s·R̄ = R̄ + Δ)
 *
 * For a homogeneous base (simple rates) both reduce to r' = r + Δ. Scaling keeps every probability in
 * [0, 1] and keeps the ranking of customers; the two branches meet at Δ = 0 (c = s = 1).
 */
import { gammaln } from '../math/gamma.js';

/** The scaling that realises an uplift of `delta` points on a base with aggregate retention `rbar`. */
export type UpliftScaling =
  | { readonly kind: 'churn'; readonly factor: number }
  | { readonly kind: 'retention'; readonly factor: number };

/** The scaling for an uplift of `delta` points (feasible: −R̄ <= Δ <= 1 − R̄). Internal. */
export function upliftScaling(delta: number, rbar: number): UpliftScaling {
  if (delta >= 0) {
    const churn = 1 - rbar;
    return { kind: 'churn', factor: churn <= 0 ? 1 : Math.max(0, 1 - delta / churn) };
  }
  return { kind: 'retention', factor: rbar <= 0 ? 1 : Math.max(0, 1 + delta / rbar) };
}

/** A constant retention r after the scaling. */
export function scaledRetention(r: number, scaling: UpliftScaling): number {
  return scaling.kind === 'churn' ? 1 - scaling.factor * (1 - r) : scaling.factor * r;
}

const logFactorials: number[] = [0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i += 1) logFactorials.push(gammaln(i + 1));
  return logFactorials[n]!;
}

/**
 * u_t = E[(1 − cθ)^t] for t = 0..H, given ρ_j = E[(1 − θ)^j] (j = 0..H). Writing 1 − cθ =
 * (1 − c) + c(1 − θ) and expanding gives a binomial mixture with only positive terms,
 * u_t = Σ_j C(t, j) c^j (1 − c)^(t−j) ρ_j, summed outward from the binomial mode until the pmf falls
 * below 1e-18 of the running sum (about 20 standard deviations: O(√t) terms per t).
 */
export function churnScaledSurvival(rho: Float64Array, c: number): Float64Array {
  const H = rho.length - 1;
  const out = new Float64Array(H + 1);
  if (c >= 1) {
    out.set(rho);
    return out;
  }
  if (c <= 0) return out.fill(1);
  const lc = Math.log(c);
  const l1c = Math.log1p(-c);
  const odds = c / (1 - c);
  for (let t = 0; t <= H; t += 1) {
    const mode = Math.min(t, Math.floor((t + 1) * c));
    const pm = Math.exp(
      logFactorial(t) - logFactorial(mode) - logFactorial(t - mode) + mode * lc + (t - mode) * l1c,
    );
    let sum = pm * rho[mode]!;
    let p = pm;
    for (let j = mode; j < t; j += 1) {
      p *= ((t - j) / (j + 1)) * odds;
      sum += p * rho[j + 1]!;
      if (p <= 1e-18 * sum) break;
    }
    p = pm;
    for (let j = mode; j > 0; j -= 1) {
      p *= j / ((t - j + 1) * odds);
      sum += p * rho[j - 1]!;
      if (p <= 1e-18 * sum) break;
    }
    out[t] = sum;
  }
  return out;
}

/** s^t ρ_t for t = 0..H: every customer's retention probability scaled by s. */
export function retentionScaledSurvival(rho: Float64Array, s: number): Float64Array {
  const out = new Float64Array(rho.length);
  let power = 1;
  for (let t = 0; t < rho.length; t += 1) {
    out[t] = power * rho[t]!;
    power *= s;
  }
  return out;
}

/** The survival curve u_t (t = 0..H) after a scaling, from the unscaled ρ. */
export function scaledSurvival(rho: Float64Array, scaling: UpliftScaling): Float64Array {
  return scaling.kind === 'churn'
    ? churnScaledSurvival(rho, scaling.factor)
    : retentionScaledSurvival(rho, scaling.factor);
}

/**
 * Σ_{t>=1} v^t u_t (v = 1/(1 + d), d > 0) over an infinite horizon, with ρ_j given by a generator
 * `nextRetention(j)` = ρ_j/ρ_(j−1) (each <= 1).
 *
 * - Churn scaling: summing the binomial mixture over t first gives
 *   Σ_{t>=0} v^t u_t = (1 + d)/(c + d) · Σ_j ρ_j y^j with y = c/(c + d): the same series as a DEL at
 *   the rate d/c (derived here; with constant ρ_j = r^j it gives (1 + d)/(1 + d − r') as it must).
 * - Retention scaling: Σ_t (s v)^t ρ_t directly.
 *
 * Both series have terms that fall at least geometrically (ratio q < 1), so the tail after a term p
 * is below p·q/(1 − q); summation stops when that is below 1e-17 of the sum.
 */
export function perpetuitySum(
  nextRetention: (j: number) => number,
  scaling: UpliftScaling,
  d: number,
): number {
  let q: number;
  let scale: number;
  if (scaling.kind === 'churn') {
    const c = scaling.factor;
    if (c === 0) return 1 / d; // nobody ever leaves: Σ_{t>=1} v^t
    q = c / (c + d);
    scale = (1 + d) / (c + d);
  } else {
    q = scaling.factor / (1 + d);
    scale = 1;
  }
  let term = 1;
  let sum = 1;
  const tail = q / (1 - q);
  for (let j = 1; j < 50_000_000; j += 1) {
    term *= q * nextRetention(j);
    sum += term;
    if (term * tail <= 1e-17 * sum) break;
  }
  return scale * sum - 1;
}
