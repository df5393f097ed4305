/**
 * `customer-asset ledger <transactions.csv>`: the customer-equity roll-forward by period (opening,
 * acquired, lost, margin collected, interest, experience, closing) under the model loss rule.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { equityLedger } from '../../ledger/equity-ledger.js';
import { transactionValuation } from '../../ledger/transaction-valuation.js';
import type { Money } from '../../money/money.js';
import { costsByPeriod, UNITS_PER_YEAR } from '../../report/analysis.js';
import { formatMoney, formatNumber } from '../../report/format.js';
import { CliError, EXIT } from '../exit-codes.js';
import { commandInput } from '../input.js';
import type { CliIo } from '../io.js';
import {
  acquisitionCostsOption,
  addDataOptions,
  addModelOptions,
  addMoneyOptions,
  modelOptions,
  moneyOptions,
  type RawOptions,
} from '../options.js';
import { computing, fitModels, lastDate, summarise } from '../steps.js';

export function ledgerCommand(program: Command, io: CliIo): void {
  const command = program
    .command('ledger')
    .description('roll customer equity forward by period: gains, losses, margin, interest')
    .argument('[transactions]', 'CSV file of transactions; omit with --sample');
  addDataOptions(command);
  addModelOptions(command);
  addMoneyOptions(command);
  command
    .option('--period <period>', 'period of the statement: quarter or year', 'year')
    .option('--acquisition-costs <file>', 'JSON object of acquisition spend per period')
    .option('--cac <amount>', 'acquisition cost per customer acquired')
    .option('--json', 'print the whole statement as JSON')
    .action(async (file: string | undefined, raw: RawOptions) => {
      const input = await commandInput(file, raw, io, 'rejected-rows.csv');
      const model = modelOptions(raw);
      const money = moneyOptions(raw, input.sample ?? undefined);
      const period = z.enum(['quarter', 'year']).safeParse(raw.period);
      if (!period.success)
        throw new CliError(
          EXIT.usage,
          `--period must be 'quarter' or 'year'; received ${JSON.stringify(raw.period)}`,
        );
      const log = input.log;
      const summary = summarise(log, model);
      const fits = fitModels(summary, model);
      // The yearly rate per model time unit (a year is 365.2425 days), as the valuation converts it.
      const rate = (1 + Number(money.discountRate)) ** (1 / UNITS_PER_YEAR[model.timeUnit]) - 1;
      const end = model.observationEnd ?? lastDate(log);
      const costs =
        acquisitionCostsOption(raw, log.currency, io.cwd) ??
        (input.sample === null ? undefined : { byPeriod: input.sample.acquisitionCosts });
      let acquisitionCosts: Record<string, Money> | null;
      try {
        acquisitionCosts = costsByPeriod({
          acquisitionCosts:
            costs === undefined
              ? null
              : 'byPeriod' in costs
                ? { kind: 'per-period', costs: costs.byPeriod }
                : { kind: 'per-customer', cac: costs.perCustomer },
          ledgerPeriod: period.data,
          log,
          observationEnd: end,
        });
      } catch (error) {
        throw new CliError(EXIT.data, `--acquisition-costs: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const ledger = computing('rolling the ledger forward', () => {
        const p = fits.purchase.params;
        const s = fits.spend.params;
        return equityLedger(log, {
          period: period.data,
          lossRule: { kind: 'model', model: fits.model, params: p, timeUnit: model.timeUnit },
          valuation: transactionValuation({ model: fits.model, timeUnit: model.timeUnit }),
          assumptions: {
            retention: p,
            spend: { kind: 'gamma-gamma', p: s.p!, q: s.q!, gamma: s.gamma! },
            margin: Number(money.margin),
            discountRate: rate,
          },
          end,
          ...(acquisitionCosts === null ? {} : { acquisitionCosts }),
        });
      });
      if (raw.json === true) {
        io.out(`${JSON.stringify(ledger, null, 2)}\n`);
        return;
      }
      const m = (x: Parameters<typeof formatMoney>[0]) =>
        formatMoney(x, { decimals: 0 }).padStart(11);
      const lines = [
        `Customer-equity roll-forward by ${period.data} (${log.currency}; lost and margin collected reduce equity):`,
        `  ${'period'.padEnd(9)}${['opening', 'acquired', 'lost', 'margin', 'interest', 'experience', 'closing'].map((h) => h.padStart(11)).join('')}${'active'.padStart(9)}`,
      ];
      for (const r of ledger.total.rows)
        lines.push(
          `  ${r.period.padEnd(9)}${m(r.opening)}${m(r.acquired)}${m(r.lost)}${m(r.marginRealised)}${m(r.unwind)}${m(r.experience)}${m(r.closing)}${formatNumber(r.customers.closing).padStart(9)}`,
        );
      lines.push(
        `Checks: ${ledger.checks.ok ? 'the statement balances' : 'the statement does NOT balance'}.`,
      );
      io.out(`${lines.join('\n')}\n`);
    });
}
