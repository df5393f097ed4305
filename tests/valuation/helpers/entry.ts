/**
 * The public names the valuation guides use, from their areas: the guides' `'customer-asset'`
 * imports are pointed here by tests/valuation/clv-guide.test.ts, so the guides are checked whether
 * or not the package root already re-exports every area.
 */
export * from '../../../src/data/index.js';
export * from '../../../src/models/bg-nbd/index.js';
export * from '../../../src/models/gamma-gamma/index.js';
export * from '../../../src/models/holdout/index.js';
export * from '../../../src/models/pareto-nbd/index.js';
export * from '../../../src/money/index.js';
export * from '../../../src/valuation/index.js';
