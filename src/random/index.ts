export { sampleBinomial } from './binomial.js';
export { sampleBeta, sampleGamma } from './gamma.js';
export {
  sampleExponential,
  sampleGeometric,
  sampleTriangular,
  sampleUniform,
} from './inversion.js';
export { sampleNormal, sampleStandardNormal } from './normal.js';
export { MAX_POISSON_MEAN, sampleNegativeBinomial, samplePoisson } from './poisson.js';
export { createRandom, type RandomSource } from './prng.js';
