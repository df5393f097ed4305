import { describe, expectTypeOf, it } from 'vitest';
import type { FittedModel } from '../../../src/core/fitted-model.js';
import type { Safe } from '../../../src/core/safe.js';
import { type BgBbParams, bgBb } from '../../../src/models/bg-bb/index.js';
import {
  type GammaGammaFit,
  type GammaGammaParams,
  gammaGamma,
  type SpendModel,
} from '../../../src/models/gamma-gamma/index.js';
import type { TransactionModel } from '../../../src/models/types.js';

describe('model descriptor types', () => {
  it('bgBb is a TransactionModel over { alpha, beta, gamma, delta }', () => {
    expectTypeOf(bgBb).toMatchTypeOf<TransactionModel<'bg-bb', BgBbParams>>();
    expectTypeOf(bgBb.fit).returns.toEqualTypeOf<FittedModel<'bg-bb', BgBbParams>>();
    expectTypeOf<BgBbParams>().toEqualTypeOf<{
      readonly alpha: number;
      readonly beta: number;
      readonly gamma: number;
      readonly delta: number;
    }>();
  });

  it('gammaGamma is a SpendModel over { p, q, gamma } whose fit takes qConstraint', () => {
    expectTypeOf(gammaGamma).toMatchTypeOf<SpendModel<'gamma-gamma', GammaGammaParams>>();
    expectTypeOf(gammaGamma.fit).returns.toEqualTypeOf<GammaGammaFit>();
    expectTypeOf(gammaGamma.safeFit).returns.toEqualTypeOf<Safe<GammaGammaFit>>();
    expectTypeOf(gammaGamma.fit)
      .parameter(1)
      .toMatchTypeOf<
        { qConstraint?: boolean; likelihoodConvention?: 'mean' | 'total' } | undefined
      >();
    expectTypeOf(gammaGamma.expectedSpend).parameter(1).toEqualTypeOf<{
      readonly frequency: number;
      readonly monetaryValue: number;
    }>();
  });
});
