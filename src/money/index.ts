/**
 * Money and the time value of money: exact decimal Money in ISO 4217 currencies, rounding, allocation,
 * rates, discounting, NPV/IRR, payback, and the simple retention CLV formulas. The only folder that
 * constructs decimal.js values (STYLE.md).
 */
export { allocate } from './allocate.js';
export {
  addMoney,
  compareMoney,
  divideMoney,
  isZeroMoney,
  moneyEquals,
  moneySign,
  multiplyMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
} from './arithmetic.js';
export { type BergerNasrCase1Input, bergerNasrCase1 } from './berger-nasr.js';
export {
  CURRENCY_CODES,
  CURRENCY_MINOR_UNITS,
  type CurrencyCode,
  currencyMinorUnits,
  isCurrencyCode,
} from './currencies.js';
export type { DecimalInput, DecimalValue } from './decimal.js';
export { DecimalInputSchema } from './decimal-input.js';
export {
  annuityFactor,
  discountFactor,
  growingPerpetuity,
  type PaymentTiming,
  PaymentTimingSchema,
  perpetuity,
  presentValue,
} from './discounting.js';
export { type IrrOptions, type IrrResult, irr, safeIrr, safeXirr, xirr } from './irr.js';
export {
  isMoney,
  type Money,
  type MoneyJSON,
  type MoneyOptions,
  MoneySchema,
  money,
  moneyFromJSON,
  moneyFromMinorUnits,
  safeMoneyFromJSON,
} from './money.js';
export { type DatedCashFlow, type NpvOptions, npv, xnpv } from './npv.js';
export { discountedPaybackPeriod, paybackPeriod } from './payback.js';
export {
  continuousRate,
  convertRate,
  effectiveToNominal,
  fromContinuousRate,
  growthAdjustedRate,
  nominalToEffective,
} from './rates.js';
export { type RoundingMode, RoundingModeSchema, roundMoney } from './rounding.js';
export {
  type ClvCashFlow,
  type ClvElasticities,
  type ClvElasticityInput,
  type ClvTiming,
  ClvTimingSchema,
  marginMultiple,
  type SimpleClvInput,
  type SimpleClvResult,
  simpleClv,
  simpleClvCashFlows,
  simpleClvElasticities,
} from './simple-clv.js';
