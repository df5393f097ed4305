import { describe, expect, it } from 'vitest';
import { cohortTable } from '../../src/data/cohort-table.js';
import { parseTransactions } from '../../src/data/parse-transactions.js';
import { simulateTransactions } from '../../src/data/simulate-transactions.js';
import { bgNbd } from '../../src/models/bg-nbd/index.js';
import { holdoutTracking } from '../../src/models/holdout/holdout-tracking.js';
import { money } from '../../src/money/money.js';
import { clvConcentrationData } from '../../src/report/charts/clv-deciles.js';
import { layerCakeData, retentionHeatmapData } from '../../src/report/charts/cohort-charts.js';
import { customerFlowData } from '../../src/report/charts/customer-flow.js';
import { equityWaterfallData } from '../../src/report/charts/equity-waterfall.js';
import {
  holdoutChartData,
  probabilityAliveGridData,
} from '../../src/report/charts/model-charts.js';
import {
  cxDistributionData,
  cxTornadoChartData,
  DISTRIBUTION_PERCENTILES,
  retentionCurveData,
} from '../../src/report/charts/roi-charts.js';
import { simulateCxReturn } from '../../src/roi/cx-simulation.js';
import { cxTornado } from '../../src/roi/cx-tornado.js';
import { retentionVsAcquisition } from '../../src/roi/retention-vs-acquisition.js';

const usd = (amount: string) => money(amount, 'USD');
const FHL = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

const simulated = simulateTransactions({
  model: 'bg-nbd',
  params: FHL,
  customers: 300,
  start: '2024-01-01',
  acquisitionEnd: '2024-06-30',
  end: '2025-07-01',
  seed: 11,
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  currency: 'USD',
});

describe('equityWaterfallData', () => {
  const movement = {
    opening: usd('1000'),
    acquired: usd('300'),
    reactivated: usd('0'),
    lost: usd('120'),
    marginRealised: usd('200'),
    unwind: usd('40'),
    experience: usd('-20'),
    revaluation: [
      { assumption: 'retention', amount: usd('0') },
      { assumption: 'margin', amount: usd('55.5') },
    ],
    closing: usd('1055.5'),
    difference: usd('0'),
  };

  it('floats each movement from the running total and lands on the closing equity', () => {
    const data = equityWaterfallData(movement);
    expect(data.steps.map((s) => s.line)).toEqual([
      'opening',
      'acquired',
      'lost',
      'marginRealised',
      'unwind',
      'experience',
      'revaluation:margin',
      'closing',
    ]);
    expect(data.steps.map((s) => [s.start, s.end])).toEqual([
      [0, 1000],
      [1000, 1300],
      [1300, 1180],
      [1180, 980],
      [980, 1020],
      [1020, 1000],
      [1000, 1055.5],
      [0, 1055.5],
    ]);
    expect(data.steps.map((s) => s.kind)).toEqual([
      'total',
      'increase',
      'decrease',
      'decrease',
      'increase',
      'decrease',
      'increase',
      'total',
    ]);
    expect(data.steps[2]?.amountText).toBe('−$120');
    expect(data.steps[6]?.amountText).toBe('$56');
  });

  it('keeps zero lines on request and names the bars as asked', () => {
    const data = equityWaterfallData(movement, {
      keepZeroLines: true,
      openingLabel: 'Opening 2025-01-01',
      closingLabel: 'Closing 2025-12-31',
    });
    expect(data.steps).toHaveLength(10);
    expect(data.steps[0]?.label).toBe('Opening 2025-01-01');
    expect(data.steps.at(-1)?.label).toBe('Closing 2025-12-31');
  });

  it('rejects a movement without Money lines', () => {
    expect(() => equityWaterfallData({ ...movement, lost: 120 } as never)).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['lost'] }),
    );
  });
});

describe('cohort charts', () => {
  const table = cohortTable(simulated.log, {
    cohortBy: 'month',
    period: 'month',
    end: '2025-06-30',
  });

  it('the layer cake stacks to each period’s revenue', () => {
    const cake = layerCakeData(table);
    expect(cake.cohorts).toEqual(table.cohorts.map((c) => c.cohort));
    for (const totals of table.layerCake.totals) {
      const stacked = cake.points
        .filter((p) => p.period === totals.period)
        .reduce((s, p) => s + p.revenue, 0);
      expect(stacked).toBeCloseTo(Number(totals.revenue), 6);
    }
    // A cohort earns nothing before it is acquired.
    const late = cake.points.filter((p) => p.cohort === '2024-06' && p.period < '2024-06');
    expect(late.every((p) => p.revenue === 0 && p.activeCustomers === 0)).toBe(true);
  });

  it('the heatmap is the retention matrix without age 0 and incomplete periods', () => {
    const heat = retentionHeatmapData(table);
    expect(heat.cells.every((c) => c.age >= 1)).toBe(true);
    for (const cell of heat.cells) {
      const row = table.cohorts[cell.cohortIndex]!;
      expect(cell.retention).toBe(row.retention[cell.age]);
      expect(row.cells[cell.age]?.complete).toBe(true);
    }
    const withAll = retentionHeatmapData(table, { fromAge: 0, includeIncomplete: true });
    const cells = table.cohorts.reduce((n, c) => n + c.cells.length, 0);
    expect(withAll.cells).toHaveLength(cells);
  });
});

describe('clvConcentrationData', () => {
  it('ranks, splits into equal groups and cumulates the shares', () => {
    const data = clvConcentrationData({
      values: [100, 0, 50, 30, 20, 0, 0, 0, 0, 0],
      currency: 'USD',
    });
    expect(data.groups.map((g) => g.share)).toEqual([0.5, 0.25, 0.15, 0.1, 0, 0, 0, 0, 0, 0]);
    expect(data.groups.map((g) => g.label).slice(0, 3)).toEqual(['Top 10%', '10–20%', '20–30%']);
    expect(data.groups[9]?.cumulativeShare).toBeCloseTo(1, 12);
    expect(data.curve[10]?.valueShare).toBeCloseTo(0.5, 12);
    expect(data.curve[100]?.valueShare).toBe(1);
  });

  it('gives the Gini coefficient of the textbook cases', () => {
    expect(clvConcentrationData({ values: [5, 5, 5, 5], currency: 'USD' }).gini).toBeCloseTo(0, 12);
    // One customer of four holds everything: G = (n − 1)/n = 0.75.
    expect(clvConcentrationData({ values: [1, 0, 0, 0], currency: 'USD' }).gini).toBeCloseTo(
      0.75,
      12,
    );
  });

  it('weights rows by their count, splitting a row across groups', () => {
    const weighted = clvConcentrationData({
      values: [10, 1],
      counts: [1, 3],
      currency: 'USD',
      groups: 2,
    });
    const expanded = clvConcentrationData({ values: [10, 1, 1, 1], currency: 'USD', groups: 2 });
    expect(weighted.groups.map((g) => g.share)).toEqual(expanded.groups.map((g) => g.share));
    expect(weighted.gini).toBeCloseTo(expanded.gini, 12);
    const straddle = clvConcentrationData({
      values: [4, 1],
      counts: [1, 2],
      currency: 'USD',
      groups: 2,
    });
    // 3 customers, 1.5 per group: the top group holds 4 + 0.5 × 1 of a total 6.
    expect(straddle.groups[0]?.share).toBeCloseTo(4.5 / 6, 12);
    expect(straddle.groups[0]?.customers).toBe(1.5);
  });

  it('refuses empty or mismatched input', () => {
    expect(() => clvConcentrationData({ values: [0, 0], currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'input/empty' }),
    );
    expect(() => clvConcentrationData({ values: [1, 2], counts: [1], currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['counts'] }),
    );
    expect(() => clvConcentrationData({ values: [1, Number.NaN], currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['values', 1] }),
    );
  });
});

describe('model charts', () => {
  it('the P(alive) grid is the model’s P(alive) at the middle of each recency band', () => {
    const grid = probabilityAliveGridData(bgNbd, FHL, {
      T: 39,
      timeUnit: 'week',
      maxFrequency: 3,
      recencyBands: 13,
    });
    expect(grid.cells).toHaveLength(39);
    for (const c of grid.cells) {
      expect(c.recency).toBeCloseTo((c.recencyFrom + c.recencyTo) / 2, 12);
      expect(c.probabilityAlive).toBe(
        bgNbd.probabilityAlive(FHL, { frequency: c.frequency, recency: c.recency, T: 39 }),
      );
    }
    // FHL 2005: a customer with x = 2 who last bought at t_x = 30.43 of T = 38.86 weeks: P(alive) 0.727.
    const one = probabilityAliveGridData(bgNbd, FHL, {
      T: 38.86,
      timeUnit: 'week',
      maxFrequency: 2,
      recencyBands: 2,
    });
    expect(one.cells[3]?.recency).toBeCloseTo(29.145, 3);
    expect(bgNbd.probabilityAlive(FHL, { frequency: 2, recency: 30.43, T: 38.86 })).toBeCloseTo(
      0.727,
      3,
    );
  });

  it('the holdout chart carries the tracking’s totals and marks a short last period', () => {
    const tracking = holdoutTracking(bgNbd, FHL, simulated.log, {
      calibrationEnd: '2025-03-31',
      observationEnd: '2025-06-30',
      timeUnit: 'week',
    });
    const chart = holdoutChartData(tracking);
    expect(chart.totalActual).toBe(tracking.totalActual);
    expect(chart.totalExpected).toBe(tracking.totalExpected);
    expect(chart.points).toHaveLength(2 * tracking.periods.length);
    const last = chart.points.at(-1)!;
    expect(last.cumulative).toBe(tracking.totalExpected);
    // 2025-03-31 to 2025-06-30 is 91 days = 13 weeks exactly: no short period.
    expect(chart.points.some((p) => p.partial)).toBe(false);
    const shorter = holdoutChartData(
      holdoutTracking(bgNbd, FHL, simulated.log, {
        calibrationEnd: '2025-03-31',
        observationEnd: '2025-06-25',
        timeUnit: 'week',
      }),
    );
    expect(shorter.points.filter((p) => p.partial)).toHaveLength(2);
  });
});

describe('customerFlowData', () => {
  it('signs gains up and losses down and keeps the closing base', () => {
    const flow = customerFlowData({
      basis: 'expected',
      rows: [
        {
          period: '2024-Q1',
          opening: 0,
          acquired: 10,
          reactivated: 0,
          lost: 2.5,
          closing: 7.5,
          difference: 0,
        },
        {
          period: '2024-Q2',
          opening: 7.5,
          acquired: 5,
          reactivated: 1,
          lost: 3,
          closing: 10.5,
          difference: 0,
        },
      ],
    });
    expect(flow.bars.map((b) => b.customers)).toEqual([10, 0, -2.5, 5, 1, -3]);
    expect(flow.base.map((b) => b.closing)).toEqual([7.5, 10.5]);
  });
});

describe('return charts', () => {
  const base = {
    kind: 'rates' as const,
    customers: 10_000,
    margin: usd('100'),
    retention: '0.8',
    period: 'year' as const,
  };

  it('the retention curves are the results’ gain, equivalent spend and break-even budget', () => {
    const results = [1, 2, 3].map((p) =>
      retentionVsAcquisition({
        base,
        discountRate: '0.1',
        acquisitionCost: usd('150'),
        retentionPoints: p / 100,
      }),
    );
    const curve = retentionCurveData(results);
    const gain = curve.points.filter((p) => p.series === 'Equity added by retention');
    // 10,000 × 100 × (0.81/0.29 − 0.8/0.3): the one-point gain on simple rates.
    expect(gain[0]?.value).toBeCloseTo(10_000 * 100 * (0.81 / 0.29 - 0.8 / 0.3), 2);
    expect(gain.map((p) => p.points)).toEqual([1, 2, 3]);
    const spend = curve.points.filter((p) => p.series === 'Acquisition spend to add as much');
    expect(spend[1]?.value).toBeCloseTo(
      Number(results[1]!.equivalentAcquisition!.spend.amount.toString()),
      6,
    );
  });

  it('the return histogram holds the mass between the first and last percentiles', () => {
    const simulation = simulateCxReturn(
      {
        investment: [usd('100000')],
        effects: { retention: { kind: 'range', low: 0, high: 0.04 } },
        base,
        horizon: 5,
        discountRate: '0.1',
      },
      { draws: 20_000, seed: 3, percentiles: DISTRIBUTION_PERCENTILES },
    );
    const dist = cxDistributionData(simulation, 25);
    expect(dist.bins).toHaveLength(25);
    expect(dist.bins.reduce((s, b) => s + b.probability, 0)).toBeCloseTo(0.99, 10);
    expect(dist.bins[0]?.from).toBe(simulation.returnPerDollar.percentiles[0]?.value);
    expect(dist.median).toBe(
      simulation.returnPerDollar.percentiles.find((p) => p.p === 0.5)?.value,
    );
    // A uniform retention uplift gives a near-flat histogram of the (almost linear) return.
    const middle = dist.bins.slice(3, 22).map((b) => b.probability);
    expect(Math.max(...middle) / Math.min(...middle)).toBeLessThan(1.3);
  });

  it('a point effect gives one narrow bar', () => {
    const simulation = simulateCxReturn(
      {
        investment: [usd('100000')],
        effects: { retention: 0.02 },
        base,
        horizon: 5,
        discountRate: '0.1',
      },
      { draws: 1000, seed: 3, percentiles: DISTRIBUTION_PERCENTILES },
    );
    const dist = cxDistributionData(simulation);
    expect(dist.bins).toHaveLength(1);
    expect(dist.bins[0]?.probability).toBeCloseTo(0.99, 10);
  });

  it('the tornado keeps the inputs that move NPV, low and high, in words', () => {
    const tornado = cxTornado({
      investment: [usd('100000')],
      effects: { retention: 0.02 },
      base,
      horizon: 5,
      discountRate: '0.1',
    });
    const chart = cxTornadoChartData(tornado);
    const inputs = [...new Set(chart.bars.map((b) => b.input))];
    expect(inputs).not.toContain('spend');
    expect(inputs[0]).toBe(tornado.rows[0]?.input);
    const retention = chart.bars.filter((b) => b.input === 'retention');
    expect(retention.map((b) => b.inputText)).toEqual(['+1.0 pts', '+3.0 pts']);
    expect(chart.baseline).toBe(Number(tornado.central.npv.amount.toString()));
  });
});

describe('bad input', () => {
  it('every data function names what it expected', () => {
    expect(() => layerCakeData({} as never)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => holdoutChartData(null as never)).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => retentionCurveData([])).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() => probabilityAliveGridData(bgNbd, FHL, { T: -1, timeUnit: 'week' })).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
    expect(() =>
      probabilityAliveGridData(bgNbd, { ...FHL, r: -1 }, { T: 10, timeUnit: 'week' }),
    ).toThrow(expect.objectContaining({ code: 'input/invalid' }));
    const log = parseTransactions([{ customerId: 'a', date: '2024-01-01', amount: '1' }], {
      currency: 'USD',
    });
    expect(() => retentionHeatmapData(cohortTable(log), { fromAge: -1 })).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
  });
});
