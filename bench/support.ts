/**
 * Helpers shared by the bench files (beside harness.ts, which times and reports): CPU-time medians,
 * per-call timings and a fixed pseudo-random stream for synthetic inputs.
 */
import { medianMs } from './harness.js';

/**
 * Median CPU time (user + system, ms) of `runs` calls after `warmup`: reported beside the wall-clock
 * median because this machine is shared, and wall time there includes time spent descheduled.
 */
export function medianCpuMs(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Median over 9 batches (after 3 warm-up batches) of `calls` calls, in microseconds per call. */
export function microsPerCall(fn: () => unknown, calls: number): number {
  return (
    (medianMs(
      () => {
        for (let i = 0; i < calls; i += 1) fn();
      },
      { runs: 9, warmup: 3 },
    ) /
      calls) *
    1000
  );
}

/** A fixed pseudo-random stream (LCG, uniform on [0, 1)): the same inputs on every run. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Wall-clock and CPU-time (user + system) medians of the same runs after warm-up. This machine is
 * shared; when it is loaded the wall time includes time spent descheduled, and the CPU time is the
 * better measure of the code (the targets are checked against the wall time all the same).
 */
export function timedWallAndCpu(
  fn: () => unknown,
  runs: number,
  warmup: number,
): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i += 1) fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const c0 = process.cpuUsage();
    const w0 = process.hrtime.bigint();
    fn();
    walls.push(Number(process.hrtime.bigint() - w0) / 1e6);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { wall: walls[runs >> 1]!, cpu: cpus[runs >> 1]! };
}
