/**
 * `customer-asset fit <transactions.csv>`: fits the purchase model (BG/NBD by default) and the
 * Gamma-Gamma spend model, and prints the fitted records.
 */
import type { Command } from 'commander';
import type { FittedModel } from '../../core/fitted-model.js';
import { formatNumber } from '../../report/format.js';
import { commandInput } from '../input.js';
import type { CliIo } from '../io.js';
import { addDataOptions, addModelOptions, modelOptions, type RawOptions } from '../options.js';
import { fitModels, summarise } from '../steps.js';

function describe(fit: FittedModel<string, Readonly<Record<string, number>>>): string[] {
  const d = fit.diagnostics;
  const lines = [
    `${fit.model}: ${d.converged ? 'converged' : 'NOT converged'} (${d.method}, ${d.iterations} iterations, ${d.reason}); log-likelihood ${formatNumber(fit.logLikelihood, 3)} over ${formatNumber(fit.observations)} customers; rates per ${fit.timeUnit}`,
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
  addModelOptions(command);
  command
    .option('--json', 'print the fitted records as JSON')
    .action(async (file: string | undefined, raw: RawOptions) => {
      const input = await commandInput(file, raw, io, 'rejected-rows.csv');
      const model = modelOptions(raw);
      const summary = summarise(input.log, model);
      const fits = fitModels(summary, model);
      if (raw.json === true) {
        io.out(`${JSON.stringify({ purchase: fits.purchase, spend: fits.spend }, null, 2)}\n`);
        return;
      }
      io.out(`${[...describe(fits.purchase), ...describe(fits.spend)].join('\n')}\n`);
    });
}
