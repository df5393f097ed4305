/** Internal: what one optimizer run (BFGS or Nelder–Mead from one point) reports. */
import type { StopReason } from '../core/fitted-model.js';

export interface RunResult {
  readonly x: number[];
  readonly value: number;
  /** The gradient at x when the run computed it (BFGS), else null. */
  readonly gradient: number[] | null;
  readonly reason: StopReason;
  readonly converged: boolean;
  readonly iterations: number;
}

/** Stopping settings shared by the runs. */
export interface RunSettings {
  readonly maxIterations: number;
  readonly gradientTolerance: number;
  readonly relativeTolerance: number;
}

/** Infinity norm. */
export function infNorm(v: readonly number[]): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}
