/**
 * `customer-asset value <transactions.csv>`: every customer's residual lifetime value and the
 * customer equity of the base, with its 95% interval.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatMoney, formatNumber, formatPercent } from '../../report/format.js';
import { CliError, EXIT } from '../exit-codes.js';
import { commandInput } from '../input.js';
import type { CliIo } from '../io.js';
import { csvField } from '../load.js';
import {
  addDataOptions,
  addModelOptions,
  addMoneyOptions,
  modelOptions,
  moneyOptions,
  type RawOptions,
} from '../options.js';
import { fitModels, summarise, valueCustomers } from '../steps.js';

export function valueCommand(program: Command, io: CliIo): void {
  const command = program
    .command('value')
    .description('value every customer (residual CLV) and the whole base (customer equity)')
    .argument('[transactions]', 'CSV file of transactions; omit with --sample');
  addDataOptions(command);
  addModelOptions(command);
  addMoneyOptions(command);
  command
    .option('--customers <file>', "write every customer's value to this CSV file")
    .option('--json', 'print the values as JSON (customer equity and every customer)')
    .action(async (file: string | undefined, raw: RawOptions) => {
      const input = await commandInput(file, raw, io, 'rejected-rows.csv');
      const model = modelOptions(raw);
      const money = moneyOptions(raw, input.sample ?? undefined);
      const summary = summarise(input.log, model);
      const fits = fitModels(summary, model);
      const clv = valueCustomers(summary, fits, money, input.log.currency);
      const ids = clv.customerIds ?? [];
      const rows = ids.map((customerId, i) => ({
        customerId,
        probabilityAlive: clv.probabilityAlive[i]!,
        expectedSpend: clv.expectedSpend[i]!,
        clv: clv.valueAt(i).amount.toString(),
      }));
      const { value, lower, upper } = clv.customerEquity;
      if (typeof raw.customers === 'string') {
        const lines = ['customerId,probabilityAlive,expectedSpend,clv'];
        for (const r of rows)
          lines.push(
            [r.customerId, r.probabilityAlive.toFixed(6), r.expectedSpend.toFixed(4), r.clv]
              .map(csvField)
              .join(','),
          );
        try {
          writeFileSync(resolve(io.cwd, raw.customers), `${lines.join('\n')}\n`);
        } catch (error) {
          throw new CliError(
            EXIT.output,
            `cannot write ${raw.customers}: ${(error as Error).message}`,
          );
        }
      }
      if (raw.json === true) {
        io.out(
          `${JSON.stringify({ currency: clv.currency, customerEquity: value, lower, upper, conventions: clv.conventions, customers: rows }, null, 2)}\n`,
        );
        return;
      }
      let active = 0;
      for (let i = 0; i < clv.size; i += 1) active += clv.count[i]! * clv.probabilityAlive[i]!;
      const order = [...rows.keys()].sort((a, b) => clv.value[b]! - clv.value[a]!);
      const lines = [
        `Customer equity: ${formatMoney(value, { decimals: 0 })}${lower !== null && upper !== null ? ` (95% interval ${formatMoney(lower, { decimals: 0 })} to ${formatMoney(upper, { decimals: 0 })})` : ''}`,
        `Customers: ${formatNumber(clv.customers)}, of whom ${formatNumber(active)} (${formatPercent(active / clv.customers, 0)}) are expected to be active.`,
        `Margin ${money.margin}, cost of capital ${money.discountRate} a year, ${fits.purchase.model} and gamma-gamma, whole expected lifetime.`,
        '',
        'Most valuable customers:',
      ];
      for (const i of order.slice(0, 10))
        lines.push(
          `  ${rows[i]!.customerId.padEnd(12)} ${formatMoney(clv.valueAt(i)).padStart(12)}   P(active) ${formatPercent(rows[i]!.probabilityAlive, 0)}`,
        );
      io.out(`${lines.join('\n')}\n`);
    });
}
