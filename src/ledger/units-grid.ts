/**
 * Exact sums of integer amounts (money in units of 10^-k, or expected counts in units of 2^-24):
 * float64 while every partial sum provably stays within 2^53, bigint otherwise.
 *
 * @internal
 */

/** A grid of exact integer sums. */
export interface UnitsGrid {
  readonly size: number;
  add(index: number, units: number): void;
  /** The exact sum at `index`. */
  get(index: number): bigint;
}

class NumberGrid implements UnitsGrid {
  readonly values: Float64Array;
  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }
  add(index: number, units: number): void {
    this.values[index]! += units;
  }
  get(index: number): bigint {
    return BigInt(this.values[index]!);
  }
}

class BigIntGrid implements UnitsGrid {
  readonly values: bigint[];
  constructor(readonly size: number) {
    this.values = new Array<bigint>(size).fill(0n);
  }
  add(index: number, units: number): void {
    if (units !== 0) this.values[index]! += BigInt(units);
  }
  get(index: number): bigint {
    return this.values[index]!;
  }
}

/**
 * A grid for sums whose addends have absolute values adding up to at most `bound` (each addend an
 * integer). Float64 is exact when the bound is below 2^53: no partial sum can then exceed it.
 */
export function unitsGrid(size: number, bound: number): UnitsGrid {
  return bound <= Number.MAX_SAFE_INTEGER ? new NumberGrid(size) : new BigIntGrid(size);
}
