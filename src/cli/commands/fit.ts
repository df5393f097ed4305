/**
 * `customer-asset fit <transactions.csv>`: fits the purchase model (BG/NBD by default) and the
 * Gamma-Gamma spend model, and prints the fitted records.
 */
import type { Command } from 'commander';
import type { FittedModel } from '../../core/fitted-model.js';
import { compressSummary } from '../../data/compress-summary.js';
import { rfmSummary } from '../../data/rfm-summary.js';
import type { TransactionLog } from '../../data/types.js';
import { holdoutTracking } from '../../models/holdout/holdout-tracking.js';
import { MODELS } from '../../report/analysis.js';
import { formatNumber } from '../../report/format.js';
import { commandInput } from '../input.js';
import type { CliIo } from '../io.js';
import {
  addDataOptions,
  addModelOptions,
  type ModelOptions,
  modelOptions,
  type RawOptions,
} from '../options.js';
import { computing, fitModels, lastDate, summarise } from '../steps.js';

/** Refits on the calibration data and tracks the forecast over the rest. */
function checkHoldout(log: TransactionLog, model: ModelOptions, calibrationEnd: string) {
  const observationEnd = model.observationEnd ?? lastDate(log);
  const calibration = computing('summarising the calibration period', () =>
    rfmSummary(log, { timeUnit: model.timeUnit, observationEnd, calibrationEnd }),
  );
  const descriptor = MODELS[model.model];
  const fitted = computing(`fitting ${model.model} on the calibration period`, () =>
    descriptor.fit(compressSummary(calibration)),
  );
  const tracking = computing('tracking the holdout', () =>
    holdoutTracking(descriptor, fitted.params, log, {
      calibrationEnd,
      observationEnd,
      timeUnit: model.timeUnit,
    }),
  );
  return {
    calibrationEnd,
    observationEnd,
    fitted,
    customers: tracking.customers,
    totalActual: tracking.totalActual,
    totalExpected: tracking.totalExpected,
    periods: tracking.periods,
  };
}

function describe(
  fit: FittedModel<string, Readonly<Record<string, number>>>,
  rates: boolean,
): string[] {
  const d = fit.diagnostics;
  const lines = [
    `${fit.model}: ${d.converged ? 'converged' : 'NOT converged'} (${d.method}, ${d.iterations} iterations, ${d.reason}); log-likelihood ${formatNumber(fit.logLikelihood, 3)} over ${formatNumber(fit.observations)} customers${rates ? `; rates per ${fit.timeUnit}` : ''}`,
  ];
  for (const name of fit.parameterOrder) {
    const se = fit.standardErrors?.[name];
    lines.push(
      `  ${name.padEnd(6)} ${fit.params[name]!.toPrecision(6).padStart(12)}${se === undefined ? '' : `  (se ${se.toPrecision(3)})`}`,
    );
  }
  return lines;
}

export function fitCommand(program: Command, io: CliIo): void {
  const command = program
    .command('fit')
    .description('fit the purchase model and the Gamma-Gamma spend model')
    .argument('[transactions]', 'CSV file of transactions; omit with --sample');
  addDataOptions(command);
  addModelOptions(
    command,
    'also fit on the data to this day, YYYY-MM-DD, and compare its forecast with the purchases made after it',
  );
  command
    .option('--json', 'print the fitted records as JSON')
    .action(async (file: string | undefined, raw: RawOptions) => {
      const input = await commandInput(file, raw, io, 'rejected-rows.csv');
      const model = modelOptions(raw);
      const summary = summarise(input.log, model);
      const fits = fitModels(summary, model);
      const holdout =
        typeof model.calibrationEnd === 'string'
          ? checkHoldout(input.log, model, model.calibrationEnd)
          : null;
      if (raw.json === true) {
        io.out(
          `${JSON.stringify({ purchase: fits.purchase, spend: fits.spend, holdout }, null, 2)}\n`,
        );
        return;
      }
      const lines = [...describe(fits.purchase, true), ...describe(fits.spend, false)];
      if (holdout !== null) {
        const error =
          (holdout.totalExpected - holdout.totalActual) / Math.max(1, holdout.totalActual);
        lines.push(
          `Holdout: fitted on the data to ${holdout.calibrationEnd}, ${fits.model.name} forecast ${formatNumber(holdout.totalExpected, 1)} repeat purchases by those ${formatNumber(holdout.customers)} customers to ${holdout.observationEnd}; they made ${formatNumber(holdout.totalActual)} (${error >= 0 ? '+' : ''}${(error * 100).toFixed(1)}%).`,
        );
      }
      io.out(`${lines.join('\n')}\n`);
    });
}
