import { expect, it } from 'vitest';
import { describeWithData } from '../../helpers/shared-data.js';
import {
  CDNOW_FILES,
  cdnowExactRows,
  cdnowSummaryExactWeeks,
  cdnowSummaryRounded,
  cdnowWithSpend,
  syntheticBgNbd100k,
} from './cdnow.js';

describeWithData('CDNOW test helpers', Object.values(CDNOW_FILES), () => {
  it('rebuilds the README counts: 2,357 customers, 2,457 and 1,882 repeat transactions; rounded file within 0.005 weeks', () => {
    const e = cdnowExactRows();
    expect(e.length).toBe(2357);
    expect(e.reduce((s, r) => s + r.x, 0)).toBe(2457);
    expect(e.reduce((s, r) => s + r.holdoutX, 0)).toBe(1882);
    expect(e[0]).toEqual({ id: 1, x: 2, tx: 213 / 7, T: 272 / 7, holdoutX: 1 });
    expect(cdnowSummaryExactWeeks().customers.length).toBe(2357);
    const r = cdnowSummaryRounded().customers;
    let maxd = 0;
    for (let i = 0; i < r.length; i++)
      maxd = Math.max(maxd, Math.abs(r[i]!.T - e[i]!.T), Math.abs(r[i]!.recency - e[i]!.tx));
    expect(maxd).toBeLessThan(0.005);
    expect(cdnowWithSpend().filter((s) => s.zbar > 0).length).toBe(946);

    expect(syntheticBgNbd100k().customers.length).toBe(100000);
  });
});
