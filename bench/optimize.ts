/**
 * Optimizer and sampler benchmarks: wall time of typical fits (2–4 parameters) and sampler
 * throughput. No targets in the issue for these; they are recorded to catch regressions.
 *
 *   npm run bench -- optimize
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { maximizeLikelihood, minimize } from '../src/optimize/index.js';
import {
  createRandom,
  sampleBeta,
  sampleGamma,
  samplePoisson,
  sampleStandardNormal,
} from '../src/random/index.js';
import { rosenbrock, sbgProblem } from '../tests/optimize/problems.js';
import { type BenchResult, medianMs } from './harness.js';

function callsPerSecond(draw: () => number, calls: number): number {
  let sink = 0;
  const ms = medianMs(
    () => {
      for (let i = 0; i < calls; i += 1) sink += draw();
    },
    { runs: 7, warmup: 2 },
  );
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return (calls / ms) * 1000;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  results.push({
    name: 'minimize Rosenbrock 4-D, finite differences',
    value: medianMs(() => minimize({ value: rosenbrock }, [-1.2, 1, -1.2, 1])),
    unit: 'ms',
  });

  const alive = [1000, 869, 743, 653, 593, 551, 517, 491];
  results.push({
    name: 'maximizeLikelihood sBG (years 0..7), starts (1,1) and (0.01,0.01)',
    value: medianMs(() =>
      maximizeLikelihood(
        sbgProblem(alive, [
          { gamma: 1, delta: 1 },
          { gamma: 0.01, delta: 0.01 },
        ]),
      ),
    ),
    unit: 'ms',
  });

  const rng = createRandom(1);
  const xs = Array.from({ length: 10_000 }, () => sampleGamma(rng, 2.3, 0.7));
  results.push({
    name: 'maximizeLikelihood gamma (shape, rate) on 10,000 points, per-point likelihood loop',
    value: medianMs(
      () =>
        maximizeLikelihood({
          parameterOrder: ['k', 'b'],
          transforms: { k: 'log', b: 'log' },
          logLikelihood: ({ k, b }) => {
            const constant = k * Math.log(b) - gammaln(k);
            let ll = 0;
            for (const x of xs) ll += constant + (k - 1) * Math.log(x) - b * x;
            return ll;
          },
          starts: [{ k: 1, b: 1 }],
        }),
      { runs: 5, warmup: 1 },
    ),
    unit: 'ms',
  });

  const r = createRandom(2);
  results.push({
    name: 'sampleStandardNormal',
    value: callsPerSecond(() => sampleStandardNormal(r), 1_000_000),
    unit: 'calls/s',
  });
  results.push({
    name: 'sampleGamma(shape 0.5)',
    value: callsPerSecond(() => sampleGamma(r, 0.5, 1), 1_000_000),
    unit: 'calls/s',
  });
  results.push({
    name: 'sampleBeta(0.8, 2.4)',
    value: callsPerSecond(() => sampleBeta(r, 0.8, 2.4), 1_000_000),
    unit: 'calls/s',
  });
  results.push({
    name: 'samplePoisson(1e6) (PTRS)',
    value: callsPerSecond(() => samplePoisson(r, 1e6), 1_000_000),
    unit: 'calls/s',
  });
  return results;
}
