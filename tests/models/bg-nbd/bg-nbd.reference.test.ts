import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { RfmSummary } from '../../../src/data/summary-types.js';
import { type BgNbdFit, bgNbd } from '../../../src/models/bg-nbd/index.js';
import { describeWithData, sharedReferenceFile } from '../../helpers/shared-data.js';
import {
  CDNOW_FILES,
  cdnowExactRows,
  cdnowSummaryExactWeeks,
  cdnowSummaryRounded,
  syntheticBgNbd100k,
} from '../helpers/cdnow.js';
import { referenceJson } from '../helpers/reference.js';

interface Vector {
  readonly id: string;
  readonly inputs: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
  readonly published?: Record<string, unknown>;
  readonly tolerance: Record<string, number>;
  readonly alternative?: Record<string, number>;
}

function vectors(): Vector[] {
  const file = sharedReferenceFile('test-vectors.json');
  if (file === undefined) throw new Error('test-vectors.json not found beside the shared data');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] };
  return json.vectors.filter((v) => v.id.startsWith('bgnbd.'));
}

function paramsOf(list: unknown): { r: number; alpha: number; a: number; b: number } {
  const [r, alpha, a, b] = list as number[];
  return { r: r!, alpha: alpha!, a: a!, b: b! };
}

describeWithData(
  'BG/NBD on CDNOW: the published fit and every bgnbd.* test vector',
  [CDNOW_FILES.sample, CDNOW_FILES.summary],
  () => {
    let exact: RfmSummary;
    let fitted: BgNbdFit;
    let all: Vector[];
    beforeAll(() => {
      exact = cdnowSummaryExactWeeks();
      fitted = bgNbd.fit(exact);
      all = vectors();
    });

    it('pins every bgnbd.* vector of test-vectors.json (6 of them)', () => {
      expect(all.map((v) => v.id).sort()).toEqual([
        'bgnbd.conditional.cust1',
        'bgnbd.expectation.52',
        'bgnbd.expected_transactions',
        'bgnbd.fit.cdnow',
        'bgnbd.ll.at_published',
        'bgnbd.pmf',
      ]);
    });

    it('bgnbd.fit.cdnow (exact weeks): r, α, a, b within 2e-3 and 1e-4 relative of the MLE, LL −9582.4292', () => {
      const v = all.find((x) => x.id === 'bgnbd.fit.cdnow')!;
      const e = v.expected as Record<string, number>;
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(fitted.params[name] - e[name]!)).toBeLessThan(v.tolerance.params_abs!);
        expect(Math.abs(fitted.params[name] - e[name]!) / e[name]!).toBeLessThan(1e-4);
      }
      expect(Math.abs(fitted.logLikelihood - e.LL!)).toBeLessThan(1e-3);
      expect(fitted.diagnostics.converged).toBe(true);
      expect(fitted.observations).toBe(2357);
      expect(fitted.timeUnit).toBe('week');
      // and the script's 40-digit MLE
      const mle = referenceJson()['bgnbd.mle'].exact;
      expect(Math.abs(fitted.logLikelihood - mle.LL)).toBeLessThan(1e-6);
    });

    it('bgnbd.fit.cdnow on the rounded summary file: the lifetimes optimum, LL −9582.4256', () => {
      const v = all.find((x) => x.id === 'bgnbd.fit.cdnow')!;
      const alt = v.alternative!;
      const f = bgNbd.fit(cdnowSummaryRounded());
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(f.params[name] - alt[name]!) / alt[name]!).toBeLessThan(1e-4);
      }
      expect(Math.abs(f.logLikelihood - alt.LL!)).toBeLessThan(1e-3);
    });

    it('bgnbd.ll.at_published: LL at (0.243, 4.414, 0.793, 2.426) = −9582.43048', () => {
      const v = all.find((x) => x.id === 'bgnbd.ll.at_published')!;
      const ll = bgNbd.logLikelihood(paramsOf(v.inputs.params), exact);
      expect(Math.abs(ll - (v.expected.LL as number))).toBeLessThan(v.tolerance.abs!);
    });

    it('bgnbd.expected_transactions, bgnbd.expectation.52, bgnbd.conditional.cust1, bgnbd.pmf', () => {
      const et = all.find((x) => x.id === 'bgnbd.expected_transactions')!;
      const p = paramsOf(et.inputs.params);
      (et.inputs.t as number[]).forEach((t, i) => {
        const want = (et.expected.E_X_t as number[])[i]!;
        expect(Math.abs(bgNbd.expectedPurchasesNewCustomer(p, t) - want)).toBeLessThan(
          et.tolerance.exact_abs!,
        );
      });
      const pub = et.published as { t: number[]; E_X_t: number[] };
      pub.t.forEach((t, i) => {
        expect(Math.abs(bgNbd.expectedPurchasesNewCustomer(p, t) - pub.E_X_t[i]!)).toBeLessThan(
          et.tolerance.published_abs!,
        );
      });
      const e52 = all.find((x) => x.id === 'bgnbd.expectation.52')!;
      expect(
        Math.abs(
          bgNbd.expectedPurchasesNewCustomer(paramsOf(e52.inputs.params), 52) -
            (e52.expected.E_X_t as number),
        ),
      ).toBeLessThan(e52.tolerance.abs!);
      const c1 = all.find((x) => x.id === 'bgnbd.conditional.cust1')!;
      const cust = {
        frequency: c1.inputs.x as number,
        recency: c1.inputs.t_x as number,
        T: c1.inputs.T as number,
      };
      const pc = paramsOf(c1.inputs.params);
      expect(
        Math.abs(bgNbd.expectedPurchases(pc, cust, 39) - (c1.expected.E_Y as number)),
      ).toBeLessThan(1e-7);
      expect(
        Math.abs(bgNbd.probabilityAlive(pc, cust) - (c1.expected.P_alive as number)),
      ).toBeLessThan(1e-8);
      const pmf = all.find((x) => x.id === 'bgnbd.pmf')!;
      const pp = paramsOf(pmf.inputs.params);
      const rel = (v: number, ref: number) => Math.abs(v - ref) / ref;
      expect(
        rel(bgNbd.probabilityOfPurchases(pp, 10, 2), pmf.expected.P_X2_eq_10 as number),
      ).toBeLessThan(pmf.tolerance.rel!);
      expect(
        rel(bgNbd.probabilityOfPurchases(pp, 0, 39), pmf.expected.P_X39_eq_0 as number),
      ).toBeLessThan(pmf.tolerance.rel!);
      (pmf.expected.P_X30_eq_n_11_to_20 as number[]).forEach((want, i) => {
        expect(rel(bgNbd.probabilityOfPurchases(pp, 11 + i, 30), want)).toBeLessThan(
          pmf.tolerance.rel!,
        );
      });
    });

    it('time unit: in 4-week units α is divided by 4 and LL = −9582.429 + 2457 ln 4 = −6176.304', () => {
      const four = bgNbd.logLikelihood(
        { ...fitted.params, alpha: fitted.params.alpha / 4 },
        {
          ...exact,
          timeUnit: 'period',
          customers: exact.customers.map((c) => ({ ...c, recency: c.recency / 4, T: c.T / 4 })),
        },
      );
      expect(four).toBeCloseTo(-6176.304, 3);
    });

    it('holdout by calibration frequency (0..6, 7+): the derived BG/NBD means, against CDNOW actuals', () => {
      const table = referenceJson()['bgnbd.holdout_by_frequency'];
      const p = paramsOf(table.params);
      const rows = cdnowExactRows();
      let total = 0;
      for (const row of table.rows) {
        const g = row.frequency === '7+' ? 7 : (row.frequency as number);
        const members = rows.filter((r) => (g === 7 ? r.x >= 7 : r.x === g));
        expect(members.length).toBe(row.customers);
        const actual = members.reduce((s, r) => s + r.holdoutX, 0) / members.length;
        expect(actual).toBeCloseTo(row.actual_mean, 10);
        const predicted =
          members.reduce(
            (s, r) => s + bgNbd.expectedPurchases(p, { frequency: r.x, recency: r.tx, T: r.T }, 39),
            0,
          ) / members.length;
        expect(Math.abs(predicted - row.bgnbd_mean) / row.bgnbd_mean).toBeLessThan(1e-9);
        total += predicted * members.length;
      }
      expect(Math.abs(total - table.bgnbd_total) / table.bgnbd_total).toBeLessThan(1e-9);
      // BG/NBD with t = 39 for everyone predicts 1,653.4 of the 1,882 holdout purchases (88%).
      expect(total / 1882).toBeGreaterThan(0.87);
      expect(total / 1882).toBeLessThan(0.89);
      // and the vectorised score gives the same total
      const s = bgNbd.score(p, exact, { horizon: 39 });
      const scored = s.expectedPurchases.reduce((acc, v) => acc + v, 0);
      expect(Math.abs(scored - table.bgnbd_total) / table.bgnbd_total).toBeLessThan(1e-9);
    });
  },
);

describeWithData(
  'BG/NBD on synthetic_bgnbd_100k_seed42.csv: peer agreement with lifetimes',
  [CDNOW_FILES.synthetic],
  () => {
    it('fits r ≈ 0.270, α ≈ 5.70, a ≈ 0.758, b ≈ 2.235 (lifetimes 0.11.3 on the same rows)', () => {
      const f = bgNbd.fit(syntheticBgNbd100k());
      expect(f.params.r).toBeCloseTo(0.27, 3);
      expect(f.params.alpha).toBeCloseTo(5.7, 1);
      expect(f.params.a).toBeCloseTo(0.758, 3);
      expect(f.params.b).toBeCloseTo(2.235, 2);
      expect(f.observations).toBe(100_000);
    });
  },
);
