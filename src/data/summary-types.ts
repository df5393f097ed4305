import type { TimeUnit } from '../core/time-unit.js';
import type { MergeBy, TimeScale } from './calendar.js';

export type { MergeBy, TimeScale } from './calendar.js';

/**
 * Every convention that produced an RFM summary, named in the output so that two summaries can be
 * compared (or refused) by their conventions rather than by guesswork.
 */
export interface RfmConventions {
  /** `'transactions'` for summaries built from a log, `'rows'` for precomputed rows. */
  readonly source: 'transactions' | 'rows';
  /**
   * Purchases in the same calendar `mergeBy` period (day by default; weeks are ISO weeks starting on
   * Monday) are one purchase occasion whose value is the sum of their amounts; times are measured
   * between the first days of these periods. `'unstated'` for precomputed rows whose producer did
   * not say.
   */
  readonly mergeBy: MergeBy | 'unstated';
  /** Unit of recency, T and holdout duration. */
  readonly timeUnit: TimeUnit;
  /**
   * How a time is computed from two dates: `'days'`, `'days/7'` (weeks), `'calendar-months'`,
   * `'calendar-months/3'` (quarters), `'calendar-months/12'` (years); `'unstated'` for rows.
   */
  readonly timeScale: TimeScale | 'unstated';
  /** IANA zone of the calendar days, or null when unknown (rows). */
  readonly timeZone: string | null;
  /** Last day (inclusive, `YYYY-MM-DD`) of the data; null when unknown (rows). */
  readonly observationEnd: string | null;
  /** Last day (inclusive) of the calibration period; null when there is no holdout. */
  readonly calibrationEnd: string | null;
  /** `frequency` counts repeat purchase occasions: the first occasion is not counted. */
  readonly frequency: 'repeat-occasions';
  /**
   * `'mean-repeat-occasion-value'`: mean value of the repeat occasions of the calibration period (the
   * first purchase excluded), null when frequency is 0. `'as-supplied'` for rows.
   */
  readonly monetaryValue: 'mean-repeat-occasion-value' | 'as-supplied';
  /**
   * `'netted-within-merge-period'`: a negative amount reduces the value of the merge period it falls
   * in; a period holding only refunds is not a purchase occasion and its amount is reported in
   * `spend.standaloneRefunds`. `'unstated'` for rows.
   */
  readonly refunds: 'netted-within-merge-period' | 'unstated';
}

/** Exact spend of one customer (decimal strings in the summary's currency), from a log. */
export interface RfmSpend {
  /** Value of the first purchase occasion (all its merged amounts). */
  readonly first: string;
  /** Total value of the repeat occasions of the calibration period (monetaryValue x frequency). */
  readonly repeat: string;
  /** Sum of the amounts in merge periods that hold refunds only (calibration and holdout). */
  readonly standaloneRefunds: string;
}

/** What happened after the calibration period (present when `calibrationEnd` was given). */
export interface RfmHoldout {
  /** Purchase occasions from the day after calibrationEnd to observationEnd (all are repeats). */
  readonly frequency: number;
  /** Total value of those occasions (decimal string). */
  readonly spend: string;
  /** Length of the holdout period in the summary's time unit (the same for every customer). */
  readonly duration: number;
}

/**
 * One customer (or, with `count` > 1, several identical customers) of an RFM summary. The names
 * are those of the models: `frequency` = x, `recency` = t_x, `T` = T.
 */
export interface RfmRow {
  readonly customerId: string;
  /** Repeat purchase occasions in the calibration period (an integer >= 0). */
  readonly frequency: number;
  /** Time from the first purchase occasion to the last one in the calibration period; 0 when frequency is 0. */
  readonly recency: number;
  /** Time from the first purchase occasion to the end of calibration. */
  readonly T: number;
  /**
   * Mean value of a repeat purchase occasion as an exact decimal string (to 40 significant digits
   * when the division does not terminate), or null when frequency is 0 (there is no repeat
   * purchase to average) or when precomputed rows did not supply it.
   */
  readonly monetaryValue: string | null;
  /** How many customers this row stands for (1 for a row built from a log). */
  readonly count: number;
  /** Exact spend breakdown (summaries built from a log). */
  readonly spend?: RfmSpend;
  readonly holdout?: RfmHoldout;
}

/** Transactions and customers of the log that are not in the summary, and why. */
export interface RfmExclusions {
  /** Transactions dated after observationEnd. */
  readonly transactionsAfterObservationEnd: number;
  /** Customers whose first purchase falls in the holdout period (not acquired in calibration). */
  readonly customersFirstPurchaseInHoldout: number;
  /** Customers with refunds only, never a purchase. */
  readonly customersWithoutPurchase: number;
  /** All excluded transactions (the three kinds above). */
  readonly transactions: number;
  /** Their total amount (exact decimal string). */
  readonly amount: string;
}

/**
 * A per-customer RFM summary: the input of the transaction models (BG/NBD, Pareto/NBD...) and, with
 * monetary values, of Gamma-Gamma. `customers` is sorted by `customerId` (UTF-16 code-unit order)
 * when built from a log, so the summary does not depend on the order of the rows; use
 * `toColumns` for typed arrays to fit on.
 */
export interface RfmSummary {
  readonly kind: 'rfm-summary';
  /** ISO 4217 code of the monetary values, or null when unknown. */
  readonly currency: string | null;
  readonly timeUnit: TimeUnit;
  readonly conventions: RfmConventions;
  readonly customers: readonly RfmRow[];
  /** What was left out, or null for precomputed rows. */
  readonly excluded: RfmExclusions | null;
}

/** A distinct (frequency, recency, T) pattern and how many customers share it. */
export interface RfmPattern {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly count: number;
}

/** An RFM summary compressed to its distinct patterns (see `compressSummary`). */
export interface RfmPatternSummary {
  readonly kind: 'rfm-patterns';
  readonly timeUnit: TimeUnit;
  readonly conventions: RfmConventions;
  /** Number of customers represented (the sum of the counts). */
  readonly customerCount: number;
  /** Sorted by frequency, then recency, then T. */
  readonly patterns: readonly RfmPattern[];
}

/** Columns of a pattern summary: what the transaction models fit on. */
export interface RfmPatternColumns {
  /** Number of rows. */
  readonly size: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Weight of each row (number of customers). */
  readonly count: Float64Array;
}

/** Columns of a customer summary. */
export interface RfmColumns extends RfmPatternColumns {
  readonly customerId: readonly string[];
  /**
   * Mean repeat value as float64 (the only place money meets binary floating point: for Gamma-Gamma
   * fitting), 0 where frequency is 0; null when some customer with frequency > 0 has no monetary
   * value.
   */
  readonly monetaryValue: Float64Array | null;
}
