/**
 * docs/guide/subscriptions.md shows examples/subscriptions.ts verbatim; this test checks that it does,
 * runs the file, and checks the figures the guide states.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { shiftedBetaGeometric } from '../../src/models/shifted-beta-geometric/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examplePath = resolve(root, 'examples', 'subscriptions.ts');
const guidePath = resolve(root, 'docs', 'guide', 'subscriptions.md');

describe('docs/guide/subscriptions.md', () => {
  it('shows examples/subscriptions.ts verbatim', () => {
    const guide = readFileSync(guidePath, 'utf8');
    const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toBe(readFileSync(examplePath, 'utf8'));
  });

  it('runs the walkthrough and gets the figures the guide states', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let example: typeof import('../../examples/subscriptions.js');
    try {
      example = await import('../../examples/subscriptions.js');
    } finally {
      log.mockRestore();
    }
    const { fit, naive, bdw, base, projection, value, comparison, table } = example;
    expect(table.cohorts).toHaveLength(36);
    // The sBG recovers the parameters the log was drawn from (alpha 1.2, beta 6).
    expect(Math.abs(fit.params.alpha - 1.2)).toBeLessThan(1.96 * fit.standardErrors!.alpha);
    expect(Math.abs(fit.params.beta - 6)).toBeLessThan(1.96 * fit.standardErrors!.beta);
    // "its log-likelihood is about 1,650 points worse"
    expect(fit.logLikelihood - naive.logLikelihood).toBeGreaterThan(1600);
    expect(fit.logLikelihood - naive.logLikelihood).toBeLessThan(1700);
    // "c comes out at 0.99 with a statistic of 0.47"
    expect(bdw.params.c.toFixed(2)).toBe('0.99');
    expect((2 * (bdw.logLikelihood - fit.logLikelihood)).toFixed(2)).toBe('0.47');
    // "it climbs from 83% at the first renewal to 96% at the 24th"
    expect(shiftedBetaGeometric.retentionRate(fit.params, 1).toFixed(2)).toBe('0.83');
    expect(shiftedBetaGeometric.retentionRate(fit.params, 24).toFixed(2)).toBe('0.96');
    // The projection starts from today's base and falls.
    const active = base.reduce((sum, g) => sum + g.count, 0);
    expect(projection.total[0]).toBe(active);
    expect(projection.total[12]!).toBeLessThan(active);
    expect(value.subscribers).toBe(active);
    expect(value.total.currency).toBe('USD');
    // "after 24 renewals ... more than twice the constant-rate figure"; "understates ... by 48%".
    const row24 = comparison.byTenure.find((r) => r.periodsSurvived === 24)!;
    expect(row24.heterogeneousValue.amount.gt(row24.constantValue.amount.times(2))).toBe(true);
    expect((100 * comparison.total.understatement).toFixed(0)).toBe('48');
    expect(comparison.total.heterogeneousValue.amount.eq(value.total.amount)).toBe(true);
  });
});
