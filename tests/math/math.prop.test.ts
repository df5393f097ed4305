import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CustomerAssetError } from '../../src/core/errors.js';
import {
  betaln,
  digamma,
  gammaln,
  hyp2f1,
  log1mExp,
  logAddExp,
  logDiffExp,
  logHyp2f1,
  logSumExp,
  logTricomiUEqual,
  logUpperIncompleteGamma,
  neumaierSum,
} from '../../src/math/index.js';

/** A log-uniform double in [lo, hi]. */
const logUniform = (lo: number, hi: number) =>
  fc
    .double({ min: Math.log(lo), max: Math.log(hi), noNaN: true })
    .map((u) => Math.min(hi, Math.max(lo, Math.exp(u))));
/** z in [0, 1) with 1 − z log-uniform down to 1e-6. */
const zUnit = logUniform(1e-6, 1).map((w) => 1 - w);
const param = logUniform(0.01, 50);

function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('hyp2f1 laws', () => {
  it('2F1 is symmetric in a and b', () => {
    fc.assert(
      fc.property(param, param, param, zUnit, (a, b, c, z) =>
        close(logHyp2f1(a, b, c, z), logHyp2f1(b, a, c, z), 1e-11),
      ),
    );
  });

  it('2F1(a, b; c; 0) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), param, param, (a, b, c) =>
        Object.is(hyp2f1(a, b, c, 0), 1),
      ),
    );
  });

  it("Euler's transformation: 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a,c-b;c;z)", () => {
    fc.assert(
      fc.property(param, param, logUniform(0.01, 50), zUnit, (a, b, extra, z) => {
        const c = Math.max(a, b) + extra; // c − a, c − b > 0: both sides positive
        const lhs = logHyp2f1(a, b, c, z);
        const rhs = (c - a - b) * Math.log1p(-z) + logHyp2f1(c - a, c - b, c, z);
        return close(lhs, rhs, 1e-10);
      }),
    );
  });

  it('Gauss contiguous relation in a (A&S 15.2.10) holds to 1e-10 of its terms', () => {
    // (c−a) F(a−1) + (2a − c + (b−a) z) F(a) + a (z−1) F(a+1) = 0
    fc.assert(
      fc.property(logUniform(1.01, 30), param, param, zUnit, (a, b, c, z) => {
        const t1 = (c - a) * hyp2f1(a - 1, b, c, z);
        const t2 = (2 * a - c + (b - a) * z) * hyp2f1(a, b, c, z);
        const t3 = a * (z - 1) * hyp2f1(a + 1, b, c, z);
        const scale = Math.abs(t1) + Math.abs(t2) + Math.abs(t3);
        return !Number.isFinite(scale) || Math.abs(t1 + t2 + t3) <= 1e-10 * scale;
      }),
    );
  });

  it('Gauss contiguous relation in c (A&S 15.2.18) holds to 1e-10 of its terms', () => {
    // c(c−1)(z−1) F(c−1) + c[c−1−(2c−a−b−1)z] F(c) + (c−a)(c−b) z F(c+1) = 0
    fc.assert(
      fc.property(param, param, logUniform(1.01, 50), zUnit, (a, b, c, z) => {
        const t1 = c * (c - 1) * (z - 1) * hyp2f1(a, b, c - 1, z);
        const t2 = c * (c - 1 - (2 * c - a - b - 1) * z) * hyp2f1(a, b, c, z);
        const t3 = (c - a) * (c - b) * z * hyp2f1(a, b, c + 1, z);
        const scale = Math.abs(t1) + Math.abs(t2) + Math.abs(t3);
        return !Number.isFinite(scale) || Math.abs(t1 + t2 + t3) <= 1e-10 * scale;
      }),
    );
  });

  it('never returns NaN over a wide sweep (a, b in [-20, 1000], c in (0, 1000], z in [-1e3, 1))', () => {
    fc.assert(
      fc.property(
        fc.oneof(logUniform(1e-3, 1000), fc.double({ min: -20, max: 0, noNaN: true })),
        fc.oneof(logUniform(1e-3, 1000), fc.double({ min: -20, max: 0, noNaN: true })),
        logUniform(1e-3, 1000),
        fc.oneof(
          zUnit,
          logUniform(1e-6, 1e3).map((t) => -t),
        ),
        (a, b, c, z) => {
          try {
            return !Number.isNaN(hyp2f1(a, b, c, z));
          } catch (e) {
            return e instanceof CustomerAssetError && e.code === 'math/not-converged';
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('log-gamma family laws', () => {
  it('ln Gamma(x+1) = ln Gamma(x) + ln x', () => {
    fc.assert(
      fc.property(logUniform(1e-8, 1e7), (x) =>
        close(gammaln(x + 1), gammaln(x) + Math.log(x), 4e-15 * Math.max(1, Math.abs(Math.log(x)))),
      ),
    );
  });

  it('betaln is symmetric and equals ln Gamma(a) + ln Gamma(b) - ln Gamma(a+b) where that is well conditioned', () => {
    fc.assert(
      fc.property(logUniform(1e-8, 1e7), logUniform(1e-8, 1e7), (a, b) =>
        Object.is(betaln(a, b), betaln(b, a)),
      ),
    );
    fc.assert(
      fc.property(logUniform(0.1, 20), logUniform(0.1, 20), (a, b) =>
        close(betaln(a, b), gammaln(a) + gammaln(b) - gammaln(a + b), 1e-13),
      ),
    );
  });

  it('digamma is the derivative of gammaln (central difference)', () => {
    fc.assert(
      fc.property(logUniform(0.5, 1e3), (x) => {
        const h = 1e-5 * x;
        const d = (gammaln(x + h) - gammaln(x - h)) / (2 * h);
        return close(digamma(x), d, 1e-7);
      }),
    );
  });

  it('never returns NaN: gammaln, digamma, betaln, ln Gamma(a, z), ln U over wide sweeps', () => {
    fc.assert(
      fc.property(
        logUniform(1e-300, 1e300),
        logUniform(1e-300, 1e300),
        fc.double({ min: -100, max: 1000, noNaN: true }),
        logUniform(1e-12, 1e6),
        (x, y, a, z) =>
          !Number.isNaN(gammaln(x)) &&
          !Number.isNaN(digamma(x)) &&
          !Number.isNaN(betaln(x, y)) &&
          Number.isFinite(logUpperIncompleteGamma(a, z)) &&
          Number.isFinite(logTricomiUEqual(1 - a, z)),
      ),
      { numRuns: 300 },
    );
  });
});

describe('log-domain laws', () => {
  const logs = fc.array(fc.double({ min: -700, max: 700, noNaN: true }), {
    minLength: 1,
    maxLength: 30,
  });

  it('logSumExp is shift invariant', () => {
    fc.assert(
      fc.property(logs, fc.double({ min: -1e4, max: 1e4, noNaN: true }), (v, s) =>
        close(logSumExp(v.map((x) => x + s)), logSumExp(v) + s, 1e-13),
      ),
    );
  });

  it('logSumExp equals ln(sum(exp)) where that is representable', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (v) => close(logSumExp(v), Math.log(neumaierSum(v.map(Math.exp))), 1e-14),
      ),
    );
  });

  it('logSumExp of all -Infinity is -Infinity, and -Infinity entries change nothing', () => {
    fc.assert(
      fc.property(logs, fc.nat(5), (v, k) => {
        const withZeros = [...v, ...Array.from({ length: k }, () => Number.NEGATIVE_INFINITY)];
        return (
          logSumExp(withZeros) === logSumExp(v) &&
          logSumExp(withZeros.map(() => Number.NEGATIVE_INFINITY)) === Number.NEGATIVE_INFINITY
        );
      }),
    );
  });

  it('logDiffExp undoes logAddExp and logAddExp undoes logDiffExp', () => {
    const pair = fc.tuple(
      fc.double({ min: -700, max: 700, noNaN: true }),
      fc.double({ min: 0, max: 30, noNaN: true }),
    );
    fc.assert(
      fc.property(pair, ([a, gap]) => {
        const b = a - gap; // b <= a
        const sum = logAddExp(a, b);
        const back = logDiffExp(sum, b);
        const again = logAddExp(logDiffExp(a, b), b);
        // e^a + e^b keeps e^a to (1 + e^(b−a)) ulps, so recovering a has that tolerance.
        return close(back, a, 1e-14 * (1 + Math.exp(-gap))) && close(again, a, 1e-14);
      }),
    );
  });

  it('log1mExp(x) = ln(1 - e^x) agrees with log1p(-exp(x)) and log(-expm1(x))', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: -1e-300, noNaN: true }), (x) =>
        close(log1mExp(x), x > -1 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x)), 1e-15),
      ),
    );
  });
});
