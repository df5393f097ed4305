/**
 * K(δ) of beta-geometric-predict.ts for many customers at once: the discounted expected purchases
 * of a customer alive at T, with posterior (r+x, α+T, a, b+x+o), for every distinct (x, T) of a
 * summary (DERT = P(alive) · K).
 *
 * After s = α'(e^u − 1), K = ∫_0^∞ r' e^((1−a)u) ₂F₁(a+b'−r'−1, a; a+b'; 1 − e^(−u)) e^(−δα'(e^u−1)) du
 * with r' = r+x, α' = α+T, b' = b+x+o. The first parameter a+b'−r'−1 = a+b+o−r−1 does not depend on
 * x and the ₂F₁ factor does not depend on T, so on a shared quadrature grid the ₂F₁ is computed once
 * per (x, node) and each (x, T) costs one exponential per node instead of one ₂F₁ per node (the
 * single-customer {@link aliveDiscountedCount} builds its own grid and pays the ₂F₁ every time).
 *
 * The grid must reach where the discount has fallen below e^−45 (u = U(δα'), the fixed point of
 * aliveDiscountedCount) and resolve the fall, so customers are grouped by U rounded up to a rung of
 * a geometric ladder (ratio 1.25): each rung has its own grid [0, U_rung] in at least two panels
 * no wider than 1 (aliveDiscountedCount uses panels up to 2 wide on [0, U]; the narrower panels
 * absorb the up to 25% longer span, so the grid is at least as accurate: 3e-15 against mpmath where
 * the single-customer rule is 1.6e-13 off, tests/models/shared). For each (x, T) the same tail bound as there is checked
 * at the end of the grid; where it fails (or the ₂F₁ does) the value comes from
 * aliveDiscountedCount, so the grid is a faster route to the same number, never a different rule.
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { aliveDiscountedCount } from './beta-geometric-predict.js';
import { gaussLegendreGrid } from './gauss-legendre.js';

/** Ratio of successive rungs of the ladder of grid ends. */
const RUNG_RATIO = 1.25;
const LN_RUNG_RATIO = Math.log(RUNG_RATIO);
/** The lowest rung (a grid end below it is rounded up to it). */
const RUNG_BASE = 1 / 64;

/** One grid: nodes, weights, e^u − 1 per node, and per x the log-integrand without discount. */
interface Rung {
  readonly end: number;
  readonly endExpm1: number;
  readonly weights: Float64Array;
  readonly expm1: Float64Array;
  readonly nodes: Float64Array;
  /** Per x: (1−a)u + ln ₂F₁(...) at every node, then at the grid end (last entry); null if ₂F₁ failed. */
  readonly byX: Map<number, Float64Array | null>;
}

/** Discounted alive counts K for many (x, T) at fixed (r, α, a, b + o, δ > 0). */
export class DiscountedCountGrid {
  private readonly rungs = new Map<number, Rung>();
  private readonly growth: number;
  private readonly first: number;

  /**
   * @param bShift - b + o (o = 0 for BG/NBD, 1 for MBG/NBD).
   * @param delta - Force of interest per time unit, > 0.
   */
  constructor(
    private readonly r: number,
    private readonly alpha: number,
    private readonly a: number,
    private readonly bShift: number,
    private readonly delta: number,
  ) {
    this.growth = Math.max(0, 1 - a);
    this.first = a + bShift - r - 1;
  }

  /** K for a customer with x repeat purchases and age T, alive at T. */
  value(x: number, T: number): number {
    const { r, a, delta, growth } = this;
    const alphaPost = this.alpha + T;
    const da = delta * alphaPost;
    const rung = this.rungFor(this.gridEnd(da));
    const h = this.logIntegrand(rung, x);
    if (h !== null) {
      const { weights, expm1 } = rung;
      let sum = 0;
      for (let j = 0; j < weights.length; j += 1)
        sum += weights[j]! * Math.exp(h[j]! - da * expm1[j]!);
      const total = (r + x) * sum;
      // The tail bound of aliveDiscountedCount at the grid end.
      const rate = da * (rung.endExpm1 + 1) - growth;
      const atEnd = (r + x) * Math.exp(h[weights.length]! - da * rung.endExpm1);
      if (rate > 1 && atEnd / rate <= 1e-17 * total && Number.isFinite(total)) return total;
    }
    return aliveDiscountedCount(r + x, alphaPost, a, this.bShift + x, delta);
  }

  /** U with e^(−δα'(e^U − 1)) e^(growth·U) = e^−45, as in aliveDiscountedCount. */
  private gridEnd(da: number): number {
    let upper = Math.log1p(45 / da);
    for (let i = 0; i < 50; i += 1) {
      const next = Math.log1p((45 + this.growth * upper) / da);
      if (Math.abs(next - upper) < 1e-3) return next;
      upper = next;
    }
    return upper;
  }

  private rungFor(end: number): Rung {
    const k = end <= RUNG_BASE ? 0 : Math.ceil(Math.log(end / RUNG_BASE) / LN_RUNG_RATIO - 1e-9);
    let rung = this.rungs.get(k);
    if (rung === undefined) {
      const top = RUNG_BASE * RUNG_RATIO ** k;
      // Panels half as wide as aliveDiscountedCount's (and at least two): the grid ends up to
      // 25% beyond U, where the discount falls faster across a panel than on [0, U].
      const { nodes, weights } = gaussLegendreGrid(0, top, Math.min(1, top / 2));
      const expm1 = nodes.map((u) => Math.expm1(u));
      rung = { end: top, endExpm1: Math.expm1(top), weights, expm1, nodes, byX: new Map() };
      this.rungs.set(k, rung);
    }
    return rung;
  }

  private logIntegrand(rung: Rung, x: number): Float64Array | null {
    const known = rung.byX.get(x);
    if (known !== undefined) return known;
    const { a, first } = this;
    const c = a + this.bShift + x;
    const { nodes } = rung;
    const h = new Float64Array(nodes.length + 1);
    let ok = true;
    try {
      for (let j = 0; j <= nodes.length; j += 1) {
        const u = j < nodes.length ? nodes[j]! : rung.end;
        h[j] = (1 - a) * u + logHyp2f1(first, a, c, -Math.expm1(-u));
      }
    } catch {
      ok = false;
    }
    const value = ok ? h : null;
    rung.byX.set(x, value);
    return value;
  }
}
