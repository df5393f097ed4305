import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCxScenario } from '../../src/report/cx-scenario.js';
import { briefingSample, SAMPLE_CX_SCENARIO } from '../../src/report/sample.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sample = briefingSample();

describe('the built-in sample company', () => {
  it('is the same company every time', () => {
    const again = briefingSample();
    expect(again.log.transactions.length).toBe(sample.log.transactions.length);
    expect(again.log.transactions.at(-1)).toEqual(sample.log.transactions.at(-1));
  });

  it('has 5,000 customers acquired over three years and observed to the end of 2025', () => {
    const first = new Map<string, string>();
    for (const t of sample.log.transactions)
      if (!first.has(t.customerId)) first.set(t.customerId, t.date);
    expect(first.size).toBe(5000);
    const dates = [...first.values()].sort();
    expect(dates[0]! >= '2023-01-01').toBe(true);
    expect(dates.at(-1)! <= '2025-12-31').toBe(true);
    // Acquisitions are spread evenly: every quarter gets 8.3% ± 1.5 points of them.
    const perQuarter = new Map<string, number>();
    for (const d of dates) {
      const q = `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
      perQuarter.set(q, (perQuarter.get(q) ?? 0) + 1);
    }
    expect(perQuarter.size).toBe(12);
    for (const n of perQuarter.values()) expect(Math.abs(n / 5000 - 1 / 12)).toBeLessThan(0.015);
    expect(sample.log.transactions.every((t) => t.date <= sample.observationEnd)).toBe(true);
  });

  it('spends what its acquisition costs say: CAC × customers acquired in each quarter', () => {
    expect(Object.keys(sample.acquisitionCosts)).toHaveLength(12);
    expect(sample.acquisitionCosts['2023-Q1']?.amount.toString()).toBe(String(38 * 401));
  });

  it('ships its CX scenario and acquisition costs as the example files the guide shows', () => {
    const scenario = JSON.parse(readFileSync(join(root, 'examples', 'cx-scenario.json'), 'utf8'));
    expect(parseCxScenario(scenario)).toEqual(SAMPLE_CX_SCENARIO);
    const costs = JSON.parse(
      readFileSync(join(root, 'examples', 'acquisition-costs.json'), 'utf8'),
    );
    expect(costs).toEqual(
      Object.fromEntries(
        Object.entries(sample.acquisitionCosts).map(([k, v]) => [k, v.amount.toString()]),
      ),
    );
  });
});

describe('parseCxScenario', () => {
  it('names the field at fault', () => {
    const bad = {
      ...SAMPLE_CX_SCENARIO,
      effects: { retention: { kind: 'triangular', low: 0, high: 1 } },
    };
    expect(() => parseCxScenario(bad)).toThrow(expect.objectContaining({ code: 'input/invalid' }));
    expect(() => parseCxScenario({ ...SAMPLE_CX_SCENARIO, horizon: 0 })).toThrow(
      expect.objectContaining({ code: 'input/invalid', path: ['horizon'] }),
    );
    expect(() =>
      parseCxScenario({ ...SAMPLE_CX_SCENARIO, investment: ['1', '1', '1', '1'], horizon: 2 }),
    ).toThrow(/investment/);
    expect(() => parseCxScenario({ ...SAMPLE_CX_SCENARIO, extra: 1 })).toThrow(
      expect.objectContaining({ code: 'input/invalid' }),
    );
  });
});
