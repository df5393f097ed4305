/**
 * A small benchmark harness: warm up, then time repeated runs and report the median. Each bench file
 * exports `run(): Promise<BenchResult[]>`; bench/run.ts runs them all and writes a dated results file.
 */
export interface BenchResult {
  /** What was measured, e.g. `gammaln calls per second`. */
  readonly name: string;
  readonly value: number;
  /** Unit of `value`, e.g. `ms`, `calls/s`. */
  readonly unit: string;
  /** The target from the issue, as text, e.g. `>= 20,000,000 calls/s` or `< 5 ms`. */
  readonly target?: string;
  /** Whether the target was met (omit when there is no target). */
  readonly met?: boolean;
  readonly note?: string;
}

/** Times `fn` `runs` times after `warmup` runs; returns the median wall time in milliseconds. */
export function medianMs(
  fn: () => unknown,
  options: { runs?: number; warmup?: number } = {},
): number {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 3;
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Async variant of {@link medianMs}. */
export async function medianMsAsync(
  fn: () => Promise<unknown>,
  options: { runs?: number; warmup?: number } = {},
): Promise<number> {
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 1;
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A result with a "less than" target. */
export function below(
  name: string,
  value: number,
  unit: string,
  limit: number,
  note?: string,
): BenchResult {
  return {
    name,
    value,
    unit,
    target: `< ${limit} ${unit}`,
    met: value < limit,
    ...(note ? { note } : {}),
  };
}

/** A result with an "at least" target. */
export function atLeast(
  name: string,
  value: number,
  unit: string,
  limit: number,
  note?: string,
): BenchResult {
  return {
    name,
    value,
    unit,
    target: `>= ${limit} ${unit}`,
    met: value >= limit,
    ...(note ? { note } : {}),
  };
}
