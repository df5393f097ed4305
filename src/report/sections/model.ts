/**
 * Section 4: can the forecasts be trusted? The holdout check, the fitted parameters in words, and
 * the P(alive) chart.
 *
 * @internal
 */
import type { FittedModel } from '../../core/fitted-model.js';
import type { Analysis } from '../analysis.js';
import { UNITS_PER_YEAR } from '../analysis.js';
import type { BriefingChart, BriefingFigure, BriefingSection } from '../briefing-types.js';
import {
  holdoutChartData,
  holdoutChartSpec,
  probabilityAliveGridData,
  probabilityAliveGridSpec,
} from '../charts/model-charts.js';
import { formatNumber, formatPercent } from '../format.js';
import { cents, chart, figure, longDate, modelTitle, moneyOf, table } from './common.js';

type AnyParams = Readonly<Record<string, number>>;

/** What each parameter means, in words. */
const MEANINGS: Readonly<Record<string, string>> = Object.freeze({
  r: 'shape of the spread of purchase rates across customers',
  alpha: 'scale of purchase rates (in time units)',
  a: 'dropout after a purchase: Beta shape a',
  b: 'dropout after a purchase: Beta shape b',
  s: 'shape of the spread of lifetimes',
  beta: 'scale of lifetimes (in time units)',
  p: 'order value: shape of a customer’s spend',
  q: 'order value: shape of the spread across customers',
  gamma: 'order value: scale (currency units)',
});

function parameterRows(fit: FittedModel<string, AnyParams>, label: string): string[][] {
  return fit.parameterOrder.map((name) => [
    label,
    name,
    formatNumber(fit.params[name]!, 4),
    fit.standardErrors === null ? '–' : formatNumber(fit.standardErrors[name]!, 4),
    MEANINGS[name] ?? '',
  ]);
}

/** Mean purchase rate per year while active and the mean chance of dropping out, in words. */
function behaviourInWords(a: Analysis): string {
  const p = a.fitted.params;
  const perYear = UNITS_PER_YEAR[a.settings.timeUnit];
  const rate = ((p.r ?? 0) / (p.alpha ?? 1)) * perYear;
  const parts = [`an active customer buys about ${formatNumber(rate, 1)} times a year on average`];
  if (p.a !== undefined && p.b !== undefined)
    parts.push(
      `and after each purchase has on average a ${formatPercent(p.a / (p.a + p.b), 0)} chance of never buying again`,
    );
  if (p.s !== undefined && p.beta !== undefined)
    parts.push(
      `and stays a customer for about ${formatNumber(p.beta / p.s / perYear, 1)} years on average`,
    );
  return parts.join(' ');
}

export function modelSection(a: Analysis): { section: BriefingSection; charts: BriefingChart[] } {
  const { settings } = a;
  const unit = settings.timeUnit;
  const name = modelTitle(a.fitted.model);
  const meanSpend = moneyOf(
    ((a.spendFit.params.p ?? 0) * (a.spendFit.params.gamma ?? 0)) /
      ((a.spendFit.params.q ?? 2) - 1),
    settings.currency,
  );
  const charts: BriefingChart[] = [];
  const figures: BriefingFigure[] = [];
  const paragraphs: string[] = [];
  let lead: string;
  if (a.holdout !== null) {
    const h = holdoutChartData(a.holdout.tracking);
    const error = h.relativeError;
    const periods = a.holdout.tracking.periods;
    const weeks = formatNumber(periods[periods.length - 1]?.t ?? 0, 0);
    lead =
      `Fitted only on the data to ${longDate(h.calibrationEnd)}, the model forecast ${formatNumber(h.totalExpected)} repeat purchases ` +
      `by those ${formatNumber(h.customers)} customers over the next ${weeks} ${unit}s; they made ${formatNumber(h.totalActual)}` +
      (error === null
        ? '.'
        : ` (the forecast was ${formatPercent(Math.abs(error), 1)} ${error < 0 ? 'low' : 'high'}).`);
    paragraphs.push(
      'This is the test that matters for a valuation: the model never saw the holdout period, and it is judged on what customers then did. ' +
        `The valuation itself uses a second fit on all the data to ${longDate(settings.observationEnd)}.`,
    );
    figures.push(
      figure(
        'holdoutForecast',
        `Forecast repeat purchases, holdout (${weeks} ${unit}s)`,
        formatNumber(h.totalExpected),
      ),
      figure('holdoutActual', 'Actual repeat purchases', formatNumber(h.totalActual)),
      figure(
        'holdoutError',
        'Forecast error',
        error === null ? '–' : formatPercent(error, 1),
        'forecast − actual, relative to actual',
      ),
    );
    charts.push(
      chart(
        'holdout-tracking',
        'Forecast against what customers then did',
        `Repeat purchases of the customers acquired by ${h.calibrationEnd}, per ${unit} and cumulated: the model's forecast (blue, dashed) against the purchases made (black).`,
        holdoutChartSpec(h),
      ),
    );
  } else {
    lead = `The ${name} model was fitted to every customer's history up to ${longDate(settings.observationEnd)}; no holdout period was kept back, so this briefing does not test its forecasts.`;
  }
  paragraphs.push(
    `In the fitted ${name} model ${behaviourInWords(a)}; the Gamma-Gamma model puts the average order at ${cents(meanSpend)}. ` +
      `The fit ${a.fitted.diagnostics.converged ? 'converged' : 'did NOT converge'} (${a.fitted.diagnostics.method === 'bfgs' ? 'BFGS' : 'Nelder–Mead'}, ${a.fitted.diagnostics.iterations} iterations, log-likelihood ${formatNumber(a.fitted.logLikelihood, 1)}).`,
  );
  const T = UNITS_PER_YEAR[unit];
  const maxFrequency = Math.max(
    3,
    Math.min(
      10,
      Math.ceil(
        percentile(
          a.summary.customers.map((c) => c.frequency),
          0.95,
        ),
      ),
    ),
  );
  const grid = probabilityAliveGridData(a.model, a.fitted.params, {
    T,
    timeUnit: unit,
    maxFrequency,
    recencyBands: 26,
  });
  paragraphs.push(
    'The probability that a customer is still active depends on how often and how recently they bought. A customer who bought often ' +
      'but not lately has probably left; one who bought rarely may simply be slow. The chart shows it for customers one year after their first order.',
  );
  charts.push(
    chart(
      'p-alive',
      'Probability a customer is still active',
      `For a customer one year after their first order: repeat purchases up the side, the time of the last purchase across; green is likely active, red likely gone.`,
      probabilityAliveGridSpec(grid),
    ),
  );
  const params = table(
    'model-parameters',
    'Fitted parameters',
    ['Model', 'Parameter', 'Estimate', 'Standard error', 'Meaning'],
    [...parameterRows(a.fitted, name), ...parameterRows(a.spendFit, 'Gamma-Gamma')],
    {
      align: ['left', 'left', 'right', 'right', 'left'],
      note: `Rates are per ${unit}. Standard errors from the curvature of the likelihood (delta method).`,
    },
  );
  return {
    section: {
      id: 'model',
      title: 'Can the forecasts be trusted?',
      lead,
      paragraphs,
      figures,
      charts: charts.map((c) => c.id),
      tables: [params],
    },
    charts,
  };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
