/**
 * `customer-asset summary <transactions.csv>`: what is in the log: transactions, customers, revenue,
 * repeat buying, and the cohorts with their retention.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { cohortTable } from '../../data/cohort-table.js';
import { money } from '../../money/money.js';
import { formatMoney, formatNumber, formatPercent } from '../../report/format.js';
import { CliError, EXIT } from '../exit-codes.js';
import { commandInput } from '../input.js';
import type { CliIo } from '../io.js';
import { addDataOptions, modelOptions, type RawOptions } from '../options.js';
import { computing, firstDate, lastDate, summarise } from '../steps.js';

export function summaryCommand(program: Command, io: CliIo): void {
  const command = program
    .command('summary')
    .description('summarise a transaction log: customers, revenue, repeat buying, cohorts')
    .argument('[transactions]', 'CSV file of transactions; omit with --sample');
  addDataOptions(command);
  command
    .option('--time-unit <unit>', 'unit of recency and customer age: day, week or month', 'week')
    .option(
      '--observation-end <date>',
      'last day of the data, YYYY-MM-DD (default: the last transaction)',
    )
    .option('--period <period>', 'cohort period: month, quarter or year', 'quarter')
    .option('--json', 'print the summary as JSON (with every customer row)')
    .action(async (file: string | undefined, raw: RawOptions) => {
      const input = await commandInput(file, raw, io, 'rejected-rows.csv');
      const model = modelOptions({ ...raw, model: 'bg-nbd' });
      const period = z.enum(['month', 'quarter', 'year']).safeParse(raw.period);
      if (!period.success)
        throw new CliError(
          EXIT.usage,
          `--period must be 'month', 'quarter' or 'year'; received ${JSON.stringify(raw.period)}`,
        );
      const log = input.log;
      const summary = summarise(log, model);
      const end = model.observationEnd ?? lastDate(log);
      const cohorts = computing('building the cohort table', () =>
        cohortTable(log, { cohortBy: period.data, period: period.data, end }),
      );
      const customers = summary.customers.length;
      const repeat = summary.customers.filter((c) => c.frequency > 0).length;
      const frequencies = summary.customers.map((c) => c.frequency).sort((a, b) => a - b);
      const meanFrequency = frequencies.reduce((s, x) => s + x, 0) / Math.max(1, customers);
      const result = {
        source: input.source,
        currency: log.currency,
        transactions: log.transactions.length,
        first: firstDate(log),
        last: end,
        rejected: log.rejected.length,
        refunds: log.refunds.count,
        revenue: cohorts.totals.revenue,
        customers,
        repeatCustomers: repeat,
        repeatPurchases: {
          mean: meanFrequency,
          median: frequencies[Math.floor(frequencies.length / 2)] ?? 0,
          max: frequencies[frequencies.length - 1] ?? 0,
        },
        cohorts: cohorts.cohorts.map((c) => ({
          cohort: c.cohort,
          start: c.start,
          size: c.size,
          retention: c.retention,
        })),
        summary,
      };
      if (raw.json === true) {
        io.out(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const lines = [
        `${formatNumber(result.transactions)} transactions from ${result.first} to ${result.last} (${input.source}); ${formatNumber(result.rejected)} rows rejected, ${formatNumber(result.refunds)} refunds.`,
        `Revenue: ${formatMoney(money(result.revenue, log.currency))}.`,
        `Customers: ${formatNumber(customers)}, of whom ${formatNumber(repeat)} (${formatPercent(repeat / Math.max(1, customers), 0)}) bought more than once.`,
        `Repeat purchases per customer: mean ${formatNumber(meanFrequency, 2)}, median ${result.repeatPurchases.median}, most ${result.repeatPurchases.max}.`,
        '',
        `Cohorts by ${period.data} (share of the cohort buying at each age):`,
      ];
      for (const c of cohorts.cohorts) {
        const shares = c.retention
          .slice(1, 9)
          .map((r) => formatPercent(r, 0).padStart(5))
          .join(' ');
        lines.push(
          `  ${c.cohort.padEnd(9)} ${formatNumber(c.size).padStart(7)} customers ${shares}`,
        );
      }
      io.out(`${lines.join('\n')}\n`);
    });
}
