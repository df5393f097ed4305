export { type NumericHessianOptions, numericHessian } from './hessian.js';
export { minimize, safeMinimize } from './minimize.js';
export {
  type MleProblem,
  type MleResult,
  maximizeLikelihood,
  safeMaximizeLikelihood,
} from './mle.js';
export { fromUnconstrained, toUnconstrained } from './transforms.js';
export type { MinimizeOptions, MinimizeResult, Objective, ParamTransform } from './types.js';
