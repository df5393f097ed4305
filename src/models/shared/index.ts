export {
  CustomerHistorySchema,
  DiscountRateSchema,
  HorizonSchema,
  parseCustomerHistory,
} from './customer.js';
export { runModelFit } from './fit.js';
export { buildFittedModel, fittedModelFromJSON, fittedModelFromMle } from './fitted-record.js';
export { patternColumns, patternTotals } from './patterns.js';
