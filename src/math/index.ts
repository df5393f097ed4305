/**
 * Special functions and compensated sums for the models' likelihoods and closed forms. Accuracy,
 * algorithms and speed: docs/models/numerics.md.
 */
export { betaln, digamma, gammaln } from './gamma.js';
export { hyp2f1, logHyp2f1 } from './hyp2f1.js';
export {
  logTricomiUEqual,
  logUpperIncompleteGamma,
  tricomiUEqual,
  upperIncompleteGamma,
} from './incomplete-gamma.js';
export { log1mExp, log1pExp, logAddExp, logDiffExp, logSumExp } from './log-exp.js';
export { NeumaierAccumulator, neumaierSum } from './neumaier.js';
