/**
 * The checked entry points shared by BG/NBD and MBG/NBD: input validation, the fit with time
 * rescaling, vectorised scoring and simulation. `dropAtZero` (o) is 0 for BG/NBD and 1 for MBG/NBD;
 * the model folders wrap these with their own names, documentation and examples.
 */
import { z } from 'zod';
import { CustomerAssetError, fail } from '../../core/errors.js';
import type { FittedModel } from '../../core/fitted-model.js';
import { type TimeUnit, TimeUnitSchema } from '../../core/time-unit.js';
import { parseInput, SeedSchema } from '../../core/validate.js';
import { rfmSummaryFromRows } from '../../data/rfm-from-rows.js';
import type { RfmSummary } from '../../data/summary-types.js';
import { betaVariate, standardGammaVariate } from '../../random/gamma.js';
import { MAX_POISSON_MEAN, poissonVariate } from '../../random/poisson.js';
import { createRandom } from '../../random/prng.js';
import type { CustomerScores, FitOptions, TransactionSummaryInput } from '../types.js';
import {
  familyDert,
  familyExpectedNew,
  familyExpectedPurchases,
  familyPmf,
  familyProbabilityAliveAt,
} from './beta-geometric-customer.js';
import { DiscountedCountGrid } from './beta-geometric-dert-grid.js';
import {
  type BetaGeometricParams,
  betaGeometricLogLikelihood,
} from './beta-geometric-likelihood.js';
import { aliveExpectedCount } from './beta-geometric-predict.js';
import { DiscountRateSchema, HorizonSchema, parseCustomerHistory } from './customer.js';
import { runModelFit } from './fit.js';
import { indexPatterns, rescaleTimes, summaryRows } from './indexed-patterns.js';

/** The parameter order of both models' fitted records (the papers' order). */
export const BETA_GEOMETRIC_PARAMETER_ORDER = Object.freeze(['r', 'alpha', 'a', 'b'] as const);

const positive = () => z.number().positive().finite();

/** zod schema of the four positive parameters (r, α, a, b). */
export const BetaGeometricParamsSchema = /* @__PURE__ */ z
  .object({ r: positive(), alpha: positive(), a: positive(), b: positive() })
  .strict();

/** Which member of the family: its record name, error prefix and drop-at-zero flag. */
export interface FamilyMember<Name extends string> {
  readonly model: Name;
  /** Prefix of function names in error messages, e.g. `bgNbd`. */
  readonly prefix: string;
  readonly dropAtZero: 0 | 1;
  readonly citation: string;
}

/** Validated params (a fresh plain object). */
export function parseFamilyParams(params: unknown, fn: string): BetaGeometricParams {
  return parseInput(BetaGeometricParamsSchema, params, fn, 'params');
}

/** A computed quantity must be finite; otherwise `model/non-finite` (never a silent Infinity/NaN). */
export function finiteResult(fn: string, value: number, what: string): number {
  if (!Number.isFinite(value)) {
    fail('model/non-finite', fn, `${what} is not a finite number for these inputs`, {
      expected: 'a finite value',
      received: value,
    });
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Likelihood and fit

/** Total log-likelihood of a summary in its own time unit (validated). */
export function familyLogLikelihood(
  member: FamilyMember<string>,
  params: unknown,
  summary: TransactionSummaryInput,
): number {
  const fn = `${member.prefix}.logLikelihood`;
  const p = parseFamilyParams(params, fn);
  const data = indexPatterns(summary, fn);
  return finiteResult(
    fn,
    betaGeometricLogLikelihood(p, data, member.dropAtZero),
    'the log-likelihood',
  );
}

const StartSchema = /* @__PURE__ */ z
  .object({ r: positive(), alpha: positive(), a: positive(), b: positive() })
  .strict();
const FitOptionsSchema = /* @__PURE__ */ z
  .object({
    starts: z.array(StartSchema).min(1).optional(),
    optimizer: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** The power of two nearest to max(T) (1 when max(T) is 0): the fit's time scale. */
export function fitTimeScale(maxT: number): number {
  if (!(maxT > 0)) return 1;
  return 2 ** Math.round(Math.log2(maxT));
}

/**
 * Maximum likelihood for a member of the family. Times are divided by k = the power of two nearest
 * to max(T) (exact in binary, so nothing is rounded), which makes α of order 1 and the Hessian well
 * conditioned; α is multiplied back by k and the log-likelihood shifted by −Σx·ln k
 * (REFERENCE.md §0), so the record is in the data's unit. Default starts (in the rescaled unit): a
 * moment-matched point (r = 0.5, α = r / (Σx/ΣT), a = 0.8, b = 2.5); when that run does not converge
 * to a point with a positive-definite Hessian, both it and (1, 1, 1, 1) are run and the best wins.
 * Starts given by the caller are all run.
 */
export function familyFit<Name extends string>(
  member: FamilyMember<Name>,
  summary: TransactionSummaryInput,
  options: FitOptions<BetaGeometricParams> | undefined,
): FittedModel<Name, BetaGeometricParams> {
  const fn = `${member.prefix}.fit`;
  const parsed = parseInput(FitOptionsSchema, options ?? {}, fn, 'options');
  const raw = indexPatterns(summary, fn);
  if (raw.customers === 0) {
    fail('input/empty', fn, 'the summary has no customers', {
      expected: 'at least one customer',
      received: 0,
      path: ['summary'],
    });
  }
  if (raw.repeatPurchases === 0) {
    fail(
      'fit/insufficient-data',
      fn,
      'no customer made a repeat purchase, so the model is not identified',
      {
        expected: 'at least one customer with frequency > 0',
        received: 0,
        path: ['summary'],
      },
    );
  }
  const k = fitTimeScale(raw.maxT);
  const data = rescaleTimes(raw, k);
  // Moment-matched start: mean purchase rate Σx / ΣT in the rescaled unit, r = 0.5.
  let exposure = 0;
  for (let i = 0; i < data.size; i += 1) exposure += data.n[i]! * data.T[i]!;
  const rate = exposure > 0 ? data.repeatPurchases / exposure : 1;
  // The moment-matched start first; (1, 1, 1, 1) as well only when that run does not converge
  // to a point with a positive-definite Hessian (a second full run costs as much as the first).
  const moment: BetaGeometricParams = {
    r: 0.5,
    alpha: Math.min(1e6, Math.max(1e-6, 0.5 / rate)),
    a: 0.8,
    b: 2.5,
  };
  const fallbackStarts: BetaGeometricParams[] = [moment, { r: 1, alpha: 1, a: 1, b: 1 }];
  const userStarts = parsed.starts?.map((s) => ({ ...s, alpha: s.alpha / k }));
  const o = member.dropAtZero;
  // The optimizer asks for the gradient at almost every point whose value it asked for: computing
  // both in one pass and remembering the last point halves the work.
  const gradient = new Float64Array(4);
  let last: BetaGeometricParams | undefined;
  const evaluate = (params: BetaGeometricParams): number => {
    last = { r: params.r, alpha: params.alpha, a: params.a, b: params.b };
    return betaGeometricLogLikelihood(params, data, o, gradient);
  };
  const lnK = Math.log(k);
  const attempt = (starts: readonly BetaGeometricParams[]) =>
    runModelFit({
      fn,
      model: member.model,
      problem: {
        parameterOrder: [...BETA_GEOMETRIC_PARAMETER_ORDER],
        transforms: { r: 'log', alpha: 'log', a: 'log', b: 'log' },
        logLikelihood: evaluate,
        gradient: (params) => {
          if (
            last === undefined ||
            last.r !== params.r ||
            last.alpha !== params.alpha ||
            last.a !== params.a ||
            last.b !== params.b
          )
            evaluate(params);
          return [gradient[0]!, gradient[1]!, gradient[2]!, gradient[3]!];
        },
        starts,
      },
      timeUnit: summary.timeUnit,
      observations: raw.customers,
      optimizer: options?.optimizer,
      toOriginalUnits: (params, logLikelihood) => ({
        params: { ...params, alpha: params.alpha * k },
        logLikelihood: logLikelihood - raw.repeatPurchases * lnK,
      }),
      notes: {
        likelihood: `${member.citation}; natural log, no constant dropped, in the data's time unit`,
        timeRescaling: `times divided by ${k} while fitting; alpha and the log-likelihood mapped back`,
        patterns: raw.size,
        repeatPurchases: raw.repeatPurchases,
      },
    });
  if (userStarts !== undefined) return attempt(userStarts);
  try {
    const first = attempt([moment]);
    if (first.standardErrors !== null) return first;
  } catch (error) {
    if (!(error instanceof CustomerAssetError) || error.code !== 'fit/not-converged') throw error;
  }
  return attempt(fallbackStarts);
}

// ---------------------------------------------------------------------------------------------
// Customer-level quantities

function parseTime(value: unknown, fn: string, name: string): number {
  return parseInput(HorizonSchema, value, fn, name);
}

/** E[Y(t) | history] (validated). */
export function checkedExpectedPurchases(
  member: FamilyMember<string>,
  params: unknown,
  customer: unknown,
  t: unknown,
): number {
  const fn = `${member.prefix}.expectedPurchases`;
  const p = parseFamilyParams(params, fn);
  const c = parseCustomerHistory(customer, fn);
  const h = parseTime(t, fn, 't');
  return finiteResult(fn, familyExpectedPurchases(p, c, h, member.dropAtZero), 'E[Y(t)]');
}

/** E[X(t)] of a new customer (validated). */
export function checkedExpectedNew(
  member: FamilyMember<string>,
  params: unknown,
  t: unknown,
): number {
  const fn = `${member.prefix}.expectedPurchasesNewCustomer`;
  const p = parseFamilyParams(params, fn);
  const h = parseTime(t, fn, 't');
  return finiteResult(fn, familyExpectedNew(p, h, member.dropAtZero), 'E[X(t)]');
}

/** P(alive at T + futureTime | history) (validated). */
export function checkedProbabilityAlive(
  member: FamilyMember<string>,
  params: unknown,
  customer: unknown,
  futureTime: unknown,
): number {
  const fn = `${member.prefix}.probabilityAlive`;
  const p = parseFamilyParams(params, fn);
  const c = parseCustomerHistory(customer, fn);
  const t = futureTime === undefined ? 0 : parseTime(futureTime, fn, 'futureTime');
  return finiteResult(fn, familyProbabilityAliveAt(p, c, t, member.dropAtZero), 'P(alive)');
}

const CountArgumentSchema = /* @__PURE__ */ z.number().int().nonnegative().safe();

/** P(X(t) = n) (validated). */
export function checkedPmf(
  member: FamilyMember<string>,
  params: unknown,
  n: unknown,
  t: unknown,
): number {
  const fn = `${member.prefix}.probabilityOfPurchases`;
  const p = parseFamilyParams(params, fn);
  const k = parseInput(CountArgumentSchema, n, fn, 'n');
  const h = parseTime(t, fn, 't');
  return finiteResult(fn, familyPmf(p, k, h, member.dropAtZero, fn), 'P(X(t) = n)');
}

/** Checks d and returns δ = ln(1 + d); d = 0 only when the undiscounted sum converges (a > 1). */
function forceOfInterest(fn: string, discountRate: unknown, a: number): number {
  const d = parseInput(DiscountRateSchema, discountRate, fn, 'discountRate');
  if (d < 0 || (d === 0 && !(a > 1))) {
    fail(
      'model/undefined-quantity',
      fn,
      d < 0
        ? 'DERT diverges at a negative discount rate (expected purchases decay only polynomially)'
        : 'undiscounted DERT is infinite when a <= 1 (E[1/p] diverges)',
      {
        expected: d < 0 ? 'discountRate > 0' : 'discountRate > 0, or a > 1',
        received: d,
        path: ['discountRate'],
      },
    );
  }
  return Math.log1p(d);
}

/** DERT at discrete rate d per time unit, continuous force δ = ln(1 + d) (validated). */
export function checkedDert(
  member: FamilyMember<string>,
  params: unknown,
  customer: unknown,
  discountRate: unknown,
): number {
  const fn = `${member.prefix}.dert`;
  const p = parseFamilyParams(params, fn);
  const c = parseCustomerHistory(customer, fn);
  const delta = forceOfInterest(fn, discountRate, p.a);
  return finiteResult(fn, familyDert(p, c, delta, member.dropAtZero), 'DERT');
}

// ---------------------------------------------------------------------------------------------
// Vectorised scoring

const ScoreOptionsSchema = /* @__PURE__ */ z
  .object({ horizon: HorizonSchema, discountRate: DiscountRateSchema.optional() })
  .strict();

/**
 * P(alive), E[Y(horizon)] and (optionally) DERT for every row. The costly parts (the ₂F₁ series of
 * E[Y] and the DERT quadrature) depend on (x, T) only and are computed once per distinct (x, T).
 */
export function familyScore(
  member: FamilyMember<string>,
  params: unknown,
  summary: TransactionSummaryInput,
  options: unknown,
): CustomerScores {
  const fn = `${member.prefix}.score`;
  const p = parseFamilyParams(params, fn);
  const { horizon, discountRate } = parseInput(ScoreOptionsSchema, options, fn, 'options');
  const delta = discountRate === undefined ? null : forceOfInterest(fn, discountRate, p.a);
  const columns = summaryRows(summary, fn);
  const size = columns.x.length;
  const o = member.dropAtZero;
  const { r, alpha, a, b } = p;
  const lnA = Math.log(a);
  const probabilityAlive = new Float64Array(size);
  const expectedPurchases = new Float64Array(size);
  const dert = delta === null ? null : new Float64Array(size);
  // Per distinct (x, T): G(horizon) and K(δ) of the posterior (r+x, α+T, a, b+x+o), cached in a
  // Map per x; for x below SMALL_X the last (T, G, K) of each x sits in typed arrays, which is a hit
  // for every row of a cohort (same T) after its first customer with that x.
  const SMALL_X = 4096;
  const lastTOfX = new Float64Array(SMALL_X).fill(Number.NaN);
  const lastGOfX = new Float64Array(SMALL_X);
  const lastKOfX = new Float64Array(SMALL_X);
  const lnBOfX = new Float64Array(SMALL_X).fill(Number.NaN);
  const byX = new Map<number, Map<number, readonly [number, number]>>();
  // K(δ) for every (x, T) on shared quadrature grids (beta-geometric-dert-grid.ts).
  const discounted =
    delta !== null && delta > 0 ? new DiscountedCountGrid(r, alpha, a, b + o, delta) : null;
  const posteriorValues = (xi: number, Ti: number): readonly [number, number] => {
    let byT = byX.get(xi);
    if (byT === undefined) {
      byT = new Map();
      byX.set(xi, byT);
    }
    let values = byT.get(Ti);
    if (values === undefined) {
      const rq = r + xi;
      const aq = alpha + Ti;
      const bq = b + xi + o;
      const g = horizon === 0 ? 0 : aliveExpectedCount(rq, aq, a, bq, horizon);
      let k = 0;
      if (delta !== null) {
        k = discounted === null ? (a + bq - 1) / (a - 1) : discounted.value(xi, Ti);
      }
      values = [g, k];
      byT.set(Ti, values);
    }
    return values;
  };
  const lnAlpha = Math.log(alpha);
  let lastT = Number.NaN;
  let lnT = 0;
  const { x: xs, tx: txs, T: Ts } = columns;
  for (let i = 0; i < size; i += 1) {
    const xi = xs[i]!;
    const Ti = Ts[i]!;
    if (Ti !== lastT) {
      lastT = Ti;
      lnT = Math.log(alpha + Ti);
    }
    let alive = 1;
    if (xi + o > 0) {
      // d = ln A4 − ln A3 = ln a − ln(b+x+o−1) + (r+x)[ln(α+T) − ln(α+t_x)]
      let lnB: number;
      if (xi < SMALL_X) {
        lnB = lnBOfX[xi]!;
        if (Number.isNaN(lnB)) {
          lnB = Math.log(b + xi + o - 1);
          lnBOfX[xi] = lnB;
        }
      } else lnB = Math.log(b + xi + o - 1);
      const ti = txs[i]!;
      const lnTx = ti === 0 ? lnAlpha : Math.log(alpha + ti);
      const d = lnA - lnB + (r + xi) * (ti === Ti ? 0 : lnT - lnTx);
      alive = 1 / (1 + Math.exp(d));
    }
    probabilityAlive[i] = alive;
    let g: number;
    let k: number;
    if (xi < SMALL_X && lastTOfX[xi] === Ti) {
      g = lastGOfX[xi]!;
      k = lastKOfX[xi]!;
    } else {
      const values = posteriorValues(xi, Ti);
      g = values[0];
      k = values[1];
      if (xi < SMALL_X) {
        lastTOfX[xi] = Ti;
        lastGOfX[xi] = g;
        lastKOfX[xi] = k;
      }
    }
    expectedPurchases[i] = alive * g;
    if (dert !== null) dert[i] = alive * k;
  }
  return Object.freeze({
    size,
    probabilityAlive,
    expectedPurchases,
    dert,
    horizon,
    discountRate: discountRate ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// Simulation

const SimulateOptionsSchema = /* @__PURE__ */ z
  .object({
    customers: z.number().int().positive().max(100_000_000),
    T: z.number().nonnegative().finite(),
    seed: SeedSchema,
    timeUnit: TimeUnitSchema.optional(),
  })
  .strict();

/**
 * Draws customers exactly from the continuous-time story: λ ~ Gamma(r, α), p ~ Beta(a, b); with
 * o = 1 the customer drops out at time 0 with probability p; purchases follow a Poisson process of
 * rate λ and after each one the customer drops out with probability p. Per customer, in O(1):
 * N ~ Poisson(λT) events of the unstopped process, K ~ 1 + Geometric(p) the purchase after which
 * the customer drops out; x = min(N, K); given N = n the event times are n uniform order
 * statistics on (0, T), so t_x = T·Beta(x, n − x + 1) (T·U^(1/n) when x = n).
 */
export function familySimulate(
  member: FamilyMember<string>,
  params: unknown,
  options: unknown,
): RfmSummary {
  const fn = `${member.prefix}.simulate`;
  const { r, alpha, a, b } = parseFamilyParams(params, fn);
  const parsed = parseInput(SimulateOptionsSchema, options, fn, 'options');
  const { customers, T, seed } = parsed;
  const timeUnit: TimeUnit = parsed.timeUnit ?? 'week';
  const rng = createRandom(seed);
  const rows: { frequency: number; recency: number; T: number }[] = new Array(customers);
  for (let c = 0; c < customers; c += 1) {
    const lambda = standardGammaVariate(rng, r) / alpha;
    const p = betaVariate(rng, a, b);
    let x = 0;
    let tx = 0;
    const dropped = member.dropAtZero === 1 && rng.nextDouble() < p;
    if (!dropped && T > 0) {
      const mean = lambda * T;
      if (!(mean <= MAX_POISSON_MEAN)) {
        fail('model/non-finite', fn, 'a drawn purchase rate is too large to simulate', {
          expected: `lambda * T <= ${MAX_POISSON_MEAN}`,
          received: mean,
          path: ['params'],
        });
      }
      const events = poissonVariate(rng, mean);
      if (events > 0) {
        // Purchases until (and including) the one after which the customer drops out.
        const u = 1 - rng.nextDouble();
        const lastPurchase =
          p >= 1
            ? 1
            : p <= 0
              ? Number.POSITIVE_INFINITY
              : 1 + Math.floor(Math.log(u) / Math.log1p(-p));
        x = Math.min(events, lastPurchase);
        tx =
          x === events
            ? T * (1 - rng.nextDouble()) ** (1 / events)
            : T * betaVariate(rng, x, events - x + 1);
      }
    }
    rows[c] = { frequency: x, recency: tx, T };
  }
  return rfmSummaryFromRows(rows, { timeUnit });
}
