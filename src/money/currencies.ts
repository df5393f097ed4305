import { fail } from '../core/errors.js';

/**
 * ISO 4217 minor units (the number of decimal places of the currency's smallest unit) for every
 * active currency code of ISO 4217 list one that has a minor unit, plus five codes withdrawn since
 * 2022 that still appear in historical transaction logs (ANG, CUC, HRK, SLL, ZWL).
 *
 * A static table on purpose: `Intl.NumberFormat(..., { style: 'currency' })` reports CLDR's display
 * digits, which differ from ISO 4217 for about twenty codes on node 20 (for example IDR, HUF, PKR and
 * COP show 0 decimals in Intl but have 2 minor units in ISO 4217, IQD shows 0 but has 3). Codes with
 * no minor unit in ISO 4217 (precious metals XAU/XAG/XPT/XPD, XDR, XSU, XUA, the bond-market units
 * XBA-XBD, XTS, XXX) are left out: Money needs a minor unit to round to.
 *
 * Transcribed from ISO 4217 list one (SIX, the maintenance agency) as of 2025. The exceptions to
 * 2 decimals are 0 for BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF, 3 for
 * BHD IQD JOD KWD LYD OMR TND, and 4 for CLF and UYW.
 */
export const CURRENCY_MINOR_UNITS = Object.freeze({
  AED: 2,
  AFN: 2,
  ALL: 2,
  AMD: 2,
  ANG: 2,
  AOA: 2,
  ARS: 2,
  AUD: 2,
  AWG: 2,
  AZN: 2,
  BAM: 2,
  BBD: 2,
  BDT: 2,
  BGN: 2,
  BHD: 3,
  BIF: 0,
  BMD: 2,
  BND: 2,
  BOB: 2,
  BOV: 2,
  BRL: 2,
  BSD: 2,
  BTN: 2,
  BWP: 2,
  BYN: 2,
  BZD: 2,
  CAD: 2,
  CDF: 2,
  CHE: 2,
  CHF: 2,
  CHW: 2,
  CLF: 4,
  CLP: 0,
  CNY: 2,
  COP: 2,
  COU: 2,
  CRC: 2,
  CUC: 2,
  CUP: 2,
  CVE: 2,
  CZK: 2,
  DJF: 0,
  DKK: 2,
  DOP: 2,
  DZD: 2,
  EGP: 2,
  ERN: 2,
  ETB: 2,
  EUR: 2,
  FJD: 2,
  FKP: 2,
  GBP: 2,
  GEL: 2,
  GHS: 2,
  GIP: 2,
  GMD: 2,
  GNF: 0,
  GTQ: 2,
  GYD: 2,
  HKD: 2,
  HNL: 2,
  HRK: 2,
  HTG: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  IRR: 2,
  ISK: 0,
  JMD: 2,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KGS: 2,
  KHR: 2,
  KMF: 0,
  KPW: 2,
  KRW: 0,
  KWD: 3,
  KYD: 2,
  KZT: 2,
  LAK: 2,
  LBP: 2,
  LKR: 2,
  LRD: 2,
  LSL: 2,
  LYD: 3,
  MAD: 2,
  MDL: 2,
  MGA: 2,
  MKD: 2,
  MMK: 2,
  MNT: 2,
  MOP: 2,
  MRU: 2,
  MUR: 2,
  MVR: 2,
  MWK: 2,
  MXN: 2,
  MXV: 2,
  MYR: 2,
  MZN: 2,
  NAD: 2,
  NGN: 2,
  NIO: 2,
  NOK: 2,
  NPR: 2,
  NZD: 2,
  OMR: 3,
  PAB: 2,
  PEN: 2,
  PGK: 2,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  PYG: 0,
  QAR: 2,
  RON: 2,
  RSD: 2,
  RUB: 2,
  RWF: 0,
  SAR: 2,
  SBD: 2,
  SCR: 2,
  SDG: 2,
  SEK: 2,
  SGD: 2,
  SHP: 2,
  SLE: 2,
  SLL: 2,
  SOS: 2,
  SRD: 2,
  SSP: 2,
  STN: 2,
  SVC: 2,
  SYP: 2,
  SZL: 2,
  THB: 2,
  TJS: 2,
  TMT: 2,
  TND: 3,
  TOP: 2,
  TRY: 2,
  TTD: 2,
  TWD: 2,
  TZS: 2,
  UAH: 2,
  UGX: 0,
  USD: 2,
  USN: 2,
  UYI: 0,
  UYU: 2,
  UYW: 4,
  UZS: 2,
  VED: 2,
  VES: 2,
  VND: 0,
  VUV: 0,
  WST: 2,
  XAF: 0,
  XCD: 2,
  XCG: 2,
  XOF: 0,
  XPF: 0,
  YER: 2,
  ZAR: 2,
  ZMW: 2,
  ZWG: 2,
  ZWL: 2,
} as const);

/** An ISO 4217 alphabetic code known to the library, e.g. `'USD'`. */
export type CurrencyCode = keyof typeof CURRENCY_MINOR_UNITS;

/** Every currency code the library knows, sorted. */
export const CURRENCY_CODES: readonly CurrencyCode[] = Object.freeze(
  Object.keys(CURRENCY_MINOR_UNITS).sort() as CurrencyCode[],
);

/**
 * True when `code` is an ISO 4217 code the library knows (upper case, as ISO writes it).
 *
 * @example
 * ```ts
 * import { isCurrencyCode } from 'customer-asset';
 * isCurrencyCode('EUR'); // true
 * isCurrencyCode('eur'); // false: codes are upper case
 * ```
 */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.hasOwn(CURRENCY_MINOR_UNITS, code);
}

/**
 * The ISO 4217 minor units of a currency: 2 for USD/EUR/GBP, 0 for JPY/KRW/ISK, 3 for
 * BHD/KWD/JOD/TND/OMR, 4 for CLF/UYW. Throws `money/unknown-currency` for a code the library does not
 * know (including lower-case spellings and codes without a minor unit such as XAU).
 *
 * @example
 * ```ts
 * import { currencyMinorUnits } from 'customer-asset';
 * currencyMinorUnits('KWD'); // 3
 * ```
 */
export function currencyMinorUnits(code: string): number {
  return CURRENCY_MINOR_UNITS[checkCurrency(code, 'currencyMinorUnits')];
}

/** Validates a currency code, throwing `money/unknown-currency` with the caller's name. */
export function checkCurrency(
  code: unknown,
  fn: string,
  path: readonly (string | number)[] = [],
): CurrencyCode {
  if (isCurrencyCode(code)) return code;
  const hint =
    typeof code === 'string' && isCurrencyCode(code.toUpperCase())
      ? ` (did you mean '${code.toUpperCase()}'?)`
      : '';
  return fail('money/unknown-currency', fn, `unknown currency code${hint}`, {
    expected: 'an ISO 4217 alphabetic code with a minor unit, such as "USD"',
    received: code,
    path,
  });
}
