import { describe, expect, it } from 'vitest';
import { isZeroMoney, money, npv, sumMoney } from '../../src/money/index.js';
import { CX_LEVERS, cxReturn, safeCxReturn } from '../../src/roi/index.js';
import { caught, D40, expectClose, referenceBase, referenceProgramme, usd } from './helpers.js';

describe('cxReturn: REFERENCE.md §9 worked example (perpetuity figures)', () => {
  // 0.82/1.1 = 0.745...; 0.745^400 < 1e-51, so 400 years equals the perpetuity to 40 digits.
  const result = cxReturn(referenceProgramme(400));

  it('reproduces the parts of ΔCE derived by hand', () => {
    // retention: N[CLV(200, .82) − CLV(200, .8)] = 1e5 (164/.28 − 160/.3)
    expectClose(
      result.levers.retention.standalone,
      '5238095.238095238095238095238095238095',
      '1e-17',
    );
    // spend: N[CLV(206, .8) − CLV(200, .8)] = 1e5 × 16
    expectClose(result.levers.spend.standalone, '1600000', '1e-17');
    // advocacy at the new margin and retention (the reference's convention): 1000 × 206 × 1.1/.28
    const advocacyReference = result.presentValue.benefit.amount.minus(
      cxReturn({ ...referenceProgramme(400), effects: { retention: 0.02, spend: 0.03 } })
        .presentValue.benefit.amount,
    );
    expectClose(advocacyReference, '809285.7142857142857142857142857142857', '1e-17');
    // total 7,804,523.81; multiple 3.9023; net ROI 2.9023
    expectClose(result.presentValue.benefit, '7804523.809523809523809523809523809524', '1e-17');
    expectClose(result.returnPerDollar, '3.902261904761904761904761904761904762', '1e-17');
    expectClose(result.roi, '2.902261904761904761904761904761904762', '1e-17');
    expectClose(result.npv, '5804523.809523809523809523809523809524', '1e-17');
  });

  it('the base interaction is the reference interaction term', () => {
    // Without referrals, interaction = N[CLV(206,.82) − CLV(200,.82) − CLV(206,.8) + CLV(200,.8)]
    const noReferrals = cxReturn({
      ...referenceProgramme(400),
      effects: { retention: 0.02, spend: 0.03 },
    });
    expectClose(noReferrals.interaction, '157142.8571428571428571428571428571429', '1e-17');
  });

  it('breaks even on a retention uplift of r* − r with r* = K(1+d)/(1+K), K = C/(Nm) + r/(1+d−r)', () => {
    const K = new D40('0.1').plus(new D40('0.8').div('0.3'));
    const rStar = K.times('1.1').div(K.plus(1));
    expect(rStar.toFixed(10)).toBe('0.8079646018');
    expectClose(result.levers.retention.breakEven!, rStar.minus('0.8').toString(), '1e-12');
  });

  it('attributes the total to the levers by Shapley value, adding up exactly', () => {
    expectClose(
      result.levers.retention.contribution,
      '5343380.952380952380952380952380952381',
      '1e-17',
    );
    expectClose(
      result.levers.spend.contribution,
      '1690095.238095238095238095238095238095',
      '1e-17',
    );
    expectClose(
      result.levers.referrals.contribution,
      '771047.6190476190476190476190476190476',
      '1e-17',
    );
    expect(isZeroMoney(result.levers.costToServeSaving.contribution)).toBe(true);
    const sum = sumMoney(CX_LEVERS.map((lever) => result.levers[lever].contribution));
    expect(sum.amount.eq(result.presentValue.benefit.amount)).toBe(true);
    const standalone = sumMoney(CX_LEVERS.map((lever) => result.levers[lever].standalone));
    expect(
      standalone.amount.plus(result.interaction.amount).eq(result.presentValue.benefit.amount),
    ).toBe(true);
  });
});

describe('cxReturn: the same programme over ten years (hand-checked)', () => {
  const result = cxReturn(referenceProgramme(10));

  it('values the flows t = 0..10', () => {
    // Derived independently (mpmath, 40 digits) from the flows below.
    expectClose(result.presentValue.benefit, '6783473.805779696813136440045279729120', '1e-18');
    expectClose(result.returnPerDollar, '3.391736902889848406568220022639864560', '1e-24');
    expectClose(result.npv, '4783473.805779696813136440045279729120', '1e-18');
    expect(result.cashFlows).toHaveLength(11);
    // t = 0: 1,000 referred customers pay $206 on joining, against the $2M cost
    expectClose(result.cashFlows[0]!.net, '-1794000', '0');
    // t = 1: 1e5 (206 × .82 − 200 × .8) + 1000 × 206 × .82
    expectClose(result.cashFlows[1]!.net, '1060920', '1e-17');
    expectClose(result.cashFlows[2]!.net, '1189954.4', '1e-17');
  });

  it('NPV of the listed net flows equals the reported NPV', () => {
    const flows = result.cashFlows.map((f) => f.net);
    expectClose(npv('0.1', flows), result.npv.amount.toString(), '1e-17');
  });

  it('gives the IRR and the simple and discounted payback', () => {
    expectClose(result.irr!, '0.6247405041113036989129097955698752222', '1e-17');
    expect(result.irrWarnings).toEqual([]);
    expectClose(result.payback.simple!, '1.616057220343905615206767587060478956', '1e-17');
    expectClose(result.payback.discounted!, '1.843501229963097745594284957474000684', '1e-17');
  });

  it('Shapley contributions and standalone benefits', () => {
    expectClose(
      result.levers.retention.contribution,
      '4429406.259431413252119001311636815271',
      '1e-18',
    );
    expectClose(
      result.levers.spend.contribution,
      '1609999.142870274935831467441226548474',
      '1e-18',
    );
    expectClose(
      result.levers.referrals.contribution,
      '744068.4034780086251859712924163653745',
      '1e-18',
    );
    expectClose(
      result.levers.retention.standalone,
      '4342129.457338901335279875807898064181',
      '1e-18',
    );
    expectClose(result.levers.spend.standalone, '1533764.167228315945939046086096803686', '1e-18');
    expectClose(
      result.levers.referrals.standalone,
      '711254.7224094386486463486953656012288',
      '1e-18',
    );
  });

  it('break-even of each lever alone', () => {
    const q = new D40('0.8').div('1.1');
    let annuity = new D40(0); // Σ_{t=1..10} q^t
    let referral = new D40(0); // Σ_{j=0..10} q^j
    for (let t = 0; t <= 10; t += 1) {
      if (t >= 1) annuity = annuity.plus(q.pow(t));
      referral = referral.plus(q.pow(t));
    }
    const levers = result.levers;
    expectClose(levers.spend.breakEven!, new D40(2e6).div(annuity.times(2e7)).toString(), '1e-15');
    expect(levers.spend.breakEven!).toBeCloseTo(0.0391194430552, 12);
    expectClose(
      levers.costToServeSaving.breakEven!,
      new D40(2e6).div(annuity.times(1e5)).toString(),
      '1e-12',
    );
    expectClose(
      levers.referrals.breakEven!,
      new D40(2e6).div(referral.times(200)).toString(),
      '1e-9',
    );
    expectClose(levers.retention.breakEven!, '0.009454725628728921990951531405', '1e-12');
  });
});

describe('cxReturn: other timings, levers and bases', () => {
  it('a cost-to-serve saving raises every active customer’s margin', () => {
    // $5 saved per customer-year, for two years: PV = 5 × 1e5 × (0.8/1.1 + 0.64/1.21)
    const result = cxReturn({
      investment: [usd('100000')],
      effects: { costToServeSaving: 5 },
      base: referenceBase,
      horizon: 2,
      discountRate: '0.1',
    });
    expectClose(
      result.presentValue.benefit,
      new D40(5e5).times(new D40('0.8').div('1.1').plus(new D40('0.64').div('1.21'))).toString(),
      '1e-17',
    );
    expect(
      result.levers.costToServeSaving.contribution.amount.eq(result.presentValue.benefit.amount),
    ).toBe(true);
  });

  it('spreads the cost over the schedule and brings referrals in each funded period', () => {
    // 3 years of $1M; 100 referrals a year at t = 0, 1, 2, each paying 200 then renewing at 0.8.
    const result = cxReturn({
      investment: [usd('1000000'), usd('1000000'), usd('1000000')],
      effects: { referrals: 100 },
      base: referenceBase,
      horizon: 3,
      discountRate: '0.1',
    });
    // alive referred customers at t: t=0: 100; t=1: 100(1 + .8); t=2: 100(1 + .8 + .64); t=3: 100(.8 + .64 + .512)
    const alive = ['100', '180', '244', '195.2'];
    alive.forEach((a, t) => {
      expectClose(result.cashFlows[t]!.benefit, new D40(a).times(200).toString(), '1e-17');
    });
    expectClose(
      result.presentValue.cost,
      new D40(1e6)
        .times(new D40(1).plus(new D40(1).div('1.1')).plus(new D40(1).div('1.21')))
        .toString(),
      '1e-17',
    );
  });

  it('a programme with no effect returns 0 per $1, ROI −100%, and has no IRR', () => {
    const result = cxReturn({ ...referenceProgramme(5), effects: {} });
    expect(result.returnPerDollar.isZero()).toBe(true);
    expect(result.roi.toString()).toBe('-1');
    expect(result.irr).toBeNull();
    expect(result.irrWarnings[0]).toMatch(/sign/);
    expect(result.payback.simple).toBeNull();
  });

  it('takes distributions at their means', () => {
    const point = cxReturn(referenceProgramme(10));
    const spread = cxReturn({
      ...referenceProgramme(10),
      effects: {
        retention: { kind: 'triangular', low: 0.01, mode: 0.02, high: 0.03 },
        spend: { kind: 'normal', mean: 0.03, sd: 0.01 },
        referrals: { kind: 'range', low: 500, high: 1500 },
      },
    });
    expect(spread.presentValue.benefit.amount.eq(point.presentValue.benefit.amount)).toBe(true);
    const beta = cxReturn({
      ...referenceProgramme(10),
      effects: {
        retention: { kind: 'beta', alpha: 2, beta: 2, low: 0, high: 0.04 },
        spend: 0.03,
        referrals: 1000,
      },
    });
    expect(beta.presentValue.benefit.amount.eq(point.presentValue.benefit.amount)).toBe(true);
  });

  it('a customer-values base equivalent to the rates base gives the same return', () => {
    // V = m r/(1 + d − r) = 533.33..., e = m r = 160: equivalent retention 1 + d − e/V = 0.8.
    const rates = cxReturn(referenceProgramme(10));
    const values = cxReturn({
      ...referenceProgramme(10),
      base: {
        kind: 'customer-values',
        customers: [
          {
            residualValue: usd('533.3333333333333333333333333333333333333'),
            nextPeriodMargin: usd('160'),
            count: 100_000,
          },
        ],
        valuedAt: '0.1',
        newCustomer: { margin: usd('200'), retention: '0.8' },
        period: 'year',
      },
    });
    expect(values.returnPerDollar.minus(rates.returnPerDollar).abs().lt(1e-12)).toBe(true);
  });

  it('an sBG base: no effect, no return; more retention, more return', () => {
    const base = {
      kind: 'sbg' as const,
      params: { alpha: 0.7637, beta: 1.2958 },
      customersByTenure: [369, 163, 86, 56, 37],
      margin: usd('100'),
      period: 'year' as const,
    };
    const input = { investment: [usd('10000')], base, horizon: 8, discountRate: '0.1' };
    expect(cxReturn({ ...input, effects: {} }).returnPerDollar.isZero()).toBe(true);
    const one = cxReturn({ ...input, effects: { retention: 0.01 } }).returnPerDollar;
    const two = cxReturn({ ...input, effects: { retention: 0.02 } }).returnPerDollar;
    expect(one.gt(0)).toBe(true);
    expect(two.gt(one)).toBe(true);
  });

  it('returns frozen results and Money in the base currency', () => {
    const result = cxReturn(referenceProgramme(5));
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.levers.retention)).toBe(true);
    expect(Object.isFrozen(result.cashFlows)).toBe(true);
    expect(result.npv.currency).toBe('USD');
    expect(result.period).toBe('year');
  });
});

describe('cxReturn: bad input', () => {
  it('rejects a schedule with no cost, a negative cost, or one longer than the horizon', () => {
    expect(caught(() => cxReturn({ ...referenceProgramme(5), investment: [usd('0')] })).code).toBe(
      'input/invalid',
    );
    const negative = caught(() => cxReturn({ ...referenceProgramme(5), investment: [usd('-1')] }));
    expect(negative.path).toEqual(['investment', 0]);
    const long = caught(() =>
      cxReturn({ ...referenceProgramme(1), investment: [usd('1'), usd('1'), usd('1')] }),
    );
    expect(long.message).toMatch(/^cxReturn: investment has more periods than the horizon/);
  });

  it('rejects a cost in another currency', () => {
    const error = caught(() =>
      cxReturn({ ...referenceProgramme(5), investment: [usd('1'), money('1', 'EUR')] }),
    );
    expect(error.code).toBe('money/currency-mismatch');
    expect(error.path).toEqual(['investment', 1]);
  });

  it('rejects an uplift that takes retention above 1, and badly ordered distributions', () => {
    const high = caught(() => cxReturn({ ...referenceProgramme(5), effects: { retention: 0.25 } }));
    expect(high.code).toBe('input/invalid');
    expect(high.path).toEqual(['effects', 'retention']);
    const order = caught(() =>
      cxReturn({
        ...referenceProgramme(5),
        effects: { spend: { kind: 'triangular', low: 0.1, mode: 0, high: 0.2 } },
      }),
    );
    expect(order.path).toEqual(['effects', 'spend']);
    const negative = caught(() =>
      cxReturn({ ...referenceProgramme(5), effects: { referrals: -5 } }),
    );
    expect(negative.path).toEqual(['effects', 'referrals']);
  });

  it('rejects an unknown lever, a bad horizon and a discount rate at −100%', () => {
    expect(
      caught(() => cxReturn({ ...referenceProgramme(5), effects: { loyalty: 1 } as never })).code,
    ).toBe('input/invalid');
    expect(caught(() => cxReturn(referenceProgramme(0))).path).toEqual(['horizon']);
    expect(caught(() => cxReturn({ ...referenceProgramme(5), discountRate: '-1' })).code).toBe(
      'finance/invalid-rate',
    );
  });

  it('rejects a base whose retention is not a probability', () => {
    const error = caught(() =>
      cxReturn({ ...referenceProgramme(5), base: { ...referenceBase, retention: '1.2' } }),
    );
    expect(error.path).toEqual(['base', 'retention']);
  });

  it('safeCxReturn reports instead of throwing', () => {
    const result = safeCxReturn({ ...referenceProgramme(5), investment: [usd('0')] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('input/invalid');
    expect(safeCxReturn(referenceProgramme(5)).success).toBe(true);
  });
});
