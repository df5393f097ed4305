/**
 * Intervals for per-customer CLV and for the customer equity of the base, from the parameter
 * covariance of the transaction fit and of the spend fit (independent fits: the joint covariance is
 * block diagonal, FHL 2005's independence of spend and transactions).
 *
 * The interval is computed for the discounted expected revenue R = E(M) × D (D the discounted
 * expected transactions); CLV = margin × R, so its bounds are margin × the bounds of R.
 */
import { fail } from '../core/errors.js';
import type { TransactionModel, TransactionSummaryInput } from '../models/types.js';
import { createRandom } from '../random/prng.js';
import { normalQuantile } from './normal-quantile.js';
import {
  centralGradient,
  drawParameters,
  type ParameterDistribution,
  type ParametricModel,
  quadraticFormVector,
  sortedQuantile,
} from './parameter-uncertainty.js';
import type { IntervalMethod } from './prediction-interval.js';
import { type SpendModelLike, spendColumn } from './spend-column.js';
import { transactionPass, type ValuationPlan } from './transaction-pass.js';
import type { ValuationRows } from './valuation-rows.js';

/** Largest customers × draws matrix the draws method keeps in memory. */
export const MAX_DRAW_CELLS = 20_000_000;

type AnyParams = Readonly<Record<string, number>>;

/** What the interval computation needs. */
export interface ClvIntervalInput {
  readonly fn: string;
  readonly rows: ValuationRows;
  readonly summary: TransactionSummaryInput;
  readonly plan: ValuationPlan;
  readonly transactionModel: TransactionModel<string, AnyParams>;
  readonly transactionParams: AnyParams;
  readonly transactionDist: ParameterDistribution<AnyParams> | null;
  readonly spendModel: SpendModelLike<AnyParams> | null;
  readonly spendParams: AnyParams | null;
  readonly spendDist: ParameterDistribution<AnyParams> | null;
  /** Point estimates. */
  readonly discounted: Float64Array;
  readonly spend: Float64Array;
  readonly level: number;
  readonly method: IntervalMethod;
  readonly draws: number;
  readonly seed: number | null;
}

/** Bounds of R per row and of the base total Σ count·R. */
export interface RevenueBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly totalLower: number;
  readonly totalUpper: number;
  readonly rejectedDraws: number | null;
}

function discountedOf(input: ClvIntervalInput, params: AnyParams): Float64Array {
  return transactionPass(input.transactionModel, params, input.summary, input.plan).discounted;
}

function spendOf(input: ClvIntervalInput, params: AnyParams): Float64Array {
  return spendColumn(input.spendModel!, params, input.rows, input.summary, input.fn);
}

/** sᵀ Σ s with s_j = ∂f/∂θ_j / f at row `i` (the gradient of ln f). */
function logQuadraticForm(
  columns: readonly Float64Array[],
  covariance: readonly (readonly number[])[],
  i: number,
  value: number,
  scratch: Float64Array,
): number {
  for (let j = 0; j < columns.length; j += 1) scratch[j] = columns[j]![i]! / value;
  return quadraticFormVector(scratch, covariance);
}

/** Delta method on the log scale: R·e^(±z·se(ln R)), and the same for the total. */
function deltaBounds(input: ClvIntervalInput): RevenueBounds {
  const { rows, discounted: D, spend: M, transactionDist, spendDist } = input;
  const z = normalQuantile(0.5 + input.level / 2);
  const gradD =
    transactionDist === null
      ? null
      : centralGradient(transactionDist, (p) => discountedOf(input, p));
  const gradM = spendDist === null ? null : centralGradient(spendDist, (p) => spendOf(input, p));
  const size = rows.size;
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  const totalGradD = new Float64Array(gradD?.length ?? 0);
  const totalGradM = new Float64Array(gradM?.length ?? 0);
  const scratchD = gradD === null ? null : new Float64Array(gradD.length);
  const scratchM = gradM === null ? null : new Float64Array(gradM.length);
  let total = 0;
  for (let i = 0; i < size; i += 1) {
    const d = D[i]!;
    const m = M[i]!;
    const r = d * m;
    const c = rows.count[i]!;
    total += c * r;
    if (gradD !== null)
      for (let j = 0; j < gradD.length; j += 1)
        totalGradD[j] = totalGradD[j]! + c * m * gradD[j]![i]!;
    if (gradM !== null)
      for (let j = 0; j < gradM.length; j += 1)
        totalGradM[j] = totalGradM[j]! + c * d * gradM[j]![i]!;
    if (!(r > 0)) {
      lower[i] = r;
      upper[i] = r;
      continue;
    }
    // Var(ln R) = Var(ln D) + Var(ln M): gradients of the logs (g / D) before the quadratic form,
    // so a tiny but positive D (a long-dead customer) does not underflow D².
    let varLog = 0;
    if (gradD !== null)
      varLog += logQuadraticForm(gradD, transactionDist!.covariance, i, d, scratchD!);
    if (gradM !== null) varLog += logQuadraticForm(gradM, spendDist!.covariance, i, m, scratchM!);
    const w = z * Math.sqrt(Math.max(0, varLog));
    lower[i] = r * Math.exp(-w);
    upper[i] = r * Math.exp(w);
  }
  let totalVar = 0;
  if (gradD !== null) totalVar += quadraticFormVector(totalGradD, transactionDist!.covariance);
  if (gradM !== null) totalVar += quadraticFormVector(totalGradM, spendDist!.covariance);
  const w = total > 0 ? (z * Math.sqrt(Math.max(0, totalVar))) / total : 0;
  return {
    lower,
    upper,
    totalLower: total * Math.exp(-w),
    totalUpper: total * Math.exp(w),
    rejectedDraws: null,
  };
}

/** Draws: empirical quantiles of R per row and of the total over the parameter draws. */
function drawBounds(input: ClvIntervalInput): RevenueBounds {
  const { rows, fn, transactionDist, spendDist } = input;
  const size = rows.size;
  const count = input.draws;
  if (size * count > MAX_DRAW_CELLS)
    fail(
      'input/invalid',
      fn,
      'too many customers x draws to keep every draw in memory; use the delta method or fewer draws',
      {
        expected: `customers x draws <= ${MAX_DRAW_CELLS}`,
        received: size * count,
        path: ['interval', 'draws'],
      },
    );
  const rng = createRandom(input.seed!);
  const txDraws =
    transactionDist === null
      ? null
      : drawParameters(
          input.transactionModel as ParametricModel<AnyParams>,
          transactionDist,
          rng,
          count,
          fn,
        );
  const spDraws =
    spendDist === null
      ? null
      : drawParameters(input.spendModel as ParametricModel<AnyParams>, spendDist, rng, count, fn);
  const cells = new Float64Array(size * count);
  const totals = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    const D = txDraws === null ? input.discounted : discountedOf(input, txDraws.draws[k]!);
    const M = spDraws === null ? input.spend : spendOf(input, spDraws.draws[k]!);
    let total = 0;
    for (let i = 0; i < size; i += 1) {
      const r = D[i]! * M[i]!;
      cells[i * count + k] = r;
      total += rows.count[i]! * r;
    }
    totals[k] = total;
  }
  const alpha = (1 - input.level) / 2;
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const slice = cells.subarray(i * count, (i + 1) * count).sort();
    lower[i] = sortedQuantile(slice, alpha);
    upper[i] = sortedQuantile(slice, 1 - alpha);
  }
  totals.sort();
  return {
    lower,
    upper,
    totalLower: sortedQuantile(totals, alpha),
    totalUpper: sortedQuantile(totals, 1 - alpha),
    rejectedDraws: (txDraws?.rejected ?? 0) + (spDraws?.rejected ?? 0),
  };
}

/** Bounds of the discounted expected revenue per row and for the base. */
export function revenueBounds(input: ClvIntervalInput): RevenueBounds {
  return input.method === 'delta' ? deltaBounds(input) : drawBounds(input);
}
