/**
 * The assumptions every figure rests on, and the notes on method.
 *
 * @internal
 */
import type { FittedModel } from '../../core/fitted-model.js';
import type { Analysis } from '../analysis.js';
import type { BriefingFigure } from '../briefing-types.js';
import { formatNumber } from '../format.js';
import { figure, modelTitle, percent, periodWords } from './common.js';

type AnyParams = Readonly<Record<string, number>>;

const paramsText = (fit: FittedModel<string, AnyParams>) =>
  fit.parameterOrder.map((k) => `${k} = ${formatNumber(fit.params[k]!, 4)}`).join(', ');

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function assumptions(a: Analysis): BriefingFigure[] {
  const s = a.settings;
  const words = periodWords(s.period);
  const log = s.log;
  const out: BriefingFigure[] = [
    figure('currency', 'Currency', s.currency, 'every amount on this page'),
    figure(
      'margin',
      'Margin',
      percent(s.marginFloat),
      'share of revenue kept after the cost of goods and of serving customers',
    ),
    figure(
      'discountRate',
      'Cost of capital',
      `${percent(s.discountRateFloat)} a year`,
      `${(a.unitRate * 100).toPrecision(4)}% a ${s.timeUnit}; a year is 365.2425 days`,
    ),
    figure('timeUnit', 'Time unit of the models', s.timeUnit),
    figure(
      'data',
      'Data',
      `${formatNumber(log.transactions.length)} transactions`,
      `${s.firstDate} to ${s.observationEnd}; ${formatNumber(log.rejected.length)} rows rejected; ${formatNumber(log.refunds.count)} refunds`,
    ),
    figure('purchaseModel', 'Purchase model', modelTitle(a.fitted.model), paramsText(a.fitted)),
    figure('spendModel', 'Spend model', 'Gamma-Gamma', paramsText(a.spendFit)),
    figure(
      'horizon',
      'Valuation horizon',
      'the customers’ whole expected lifetime',
      'discounted continuously at the cost of capital',
    ),
    figure(
      'holdout',
      'Holdout check',
      a.holdout === null ? 'none' : `calibrated to ${a.holdout.tracking.calibrationEnd}`,
      a.holdout === null
        ? undefined
        : `forecasts tested on what customers did from ${dayAfter(a.holdout.tracking.calibrationEnd)} to ${s.observationEnd}`,
    ),
    figure(
      'period',
      'Reporting periods',
      `${words.one}; equity by ${periodWords(s.ledgerPeriod).one}`,
      `cohorts and customer flows by ${words.one}, the customer-equity roll-forward and acquisition economics by ${periodWords(s.ledgerPeriod).one}`,
    ),
    figure(
      'lossRule',
      'When a customer counts as lost',
      'by probability',
      'each customer counts as the chance they are still active; a fall in it is an expected loss',
    ),
    figure(
      'acquisitionCosts',
      'Acquisition costs',
      s.acquisitionCosts === null
        ? 'not given'
        : s.acquisitionCosts.kind === 'per-customer'
          ? `${s.acquisitionCosts.cac.amount.toString()} ${s.currency} per customer`
          : `given per period, summed by ${periodWords(s.ledgerPeriod).one}`,
    ),
  ];
  if (a.cx !== null)
    out.push(
      figure(
        'cxScenario',
        'CX scenario',
        a.cx.scenario.name ?? 'given',
        `${formatNumber(a.cx.simulation.draws)} Monte Carlo draws, seed ${a.cx.simulation.seed}`,
      ),
    );
  return out;
}

export function notes(a: Analysis): string[] {
  const out = [
    'Customer equity is the value of the customers already acquired; it excludes customers not yet acquired and the cost of acquiring them.',
    'Money is exact: values are computed in decimal arithmetic from the models’ estimates and rounded only for presentation (half-up, whole currency units unless cents are shown).',
    'The 95% interval of customer equity reflects the uncertainty of the estimated parameters, not the randomness of individual customers, nor the possibility that the model’s assumptions are wrong.',
    'The models assume that customers buy at a steady personal rate while active, leave silently at some point, and that what a customer spends per order does not depend on how often they buy.',
  ];
  if (a.yearly.adjusted > 0)
    out.push(
      `For retention and CX figures, ${formatNumber(a.yearly.adjusted)} customers whose yearly margin is not expected to fall were treated as never leaving (retention 100%).`,
    );
  return out;
}
