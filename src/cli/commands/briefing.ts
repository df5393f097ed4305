/**
 * `customer-asset briefing [transactions.csv]`: the CFO briefing as a self-contained HTML page, a
 * Markdown document, the charts as SVG (and their Vega-Lite specs), the figures as JSON and every
 * customer's value as CSV, in one folder (default `briefing/`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { briefing } from '../../report/briefing.js';
import type { Briefing } from '../../report/briefing-types.js';
import type { CxScenario } from '../../report/cx-scenario.js';
import { CliError, EXIT, exitCodeOfComputation } from '../exit-codes.js';
import { commandInput } from '../input.js';
import { type CliIo, Progress } from '../io.js';
import { csvField } from '../load.js';
import {
  acquisitionCostsOption,
  addDataOptions,
  addModelOptions,
  addMoneyOptions,
  cxScenarioFile,
  modelOptions,
  moneyOptions,
  type RawOptions,
} from '../options.js';
import { type PageMeta, renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderSvgs } from '../render/svg.js';
import { generatedAt, packageVersion } from '../version.js';

/** What `briefing` wrote. */
export interface BriefingOutput {
  readonly briefing: Briefing;
  readonly directory: string;
  readonly files: readonly string[];
  /** Warnings vega or vega-lite raised while rendering, by chart. */
  readonly renderWarnings: readonly string[];
  readonly seconds: number;
}

/** Every customer's value as CSV. */
function customersCsv(b: Briefing): string {
  const lines = ['customerId,probabilityAlive,expectedPurchasesNextYear,expectedSpend,clv'];
  for (const c of b.customers)
    lines.push(
      [
        c.customerId,
        c.probabilityAlive.toFixed(6),
        c.expectedPurchasesNextYear.toFixed(6),
        c.expectedSpend.toFixed(4),
        c.clv,
      ]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\n')}\n`;
}

/** The figures as JSON: headline, sections' figures, assumptions, notes and the numbers. */
function briefingJson(b: Briefing, meta: PageMeta): string {
  return `${JSON.stringify(
    {
      title: b.title,
      subtitle: b.subtitle,
      generated: meta.generated,
      version: meta.version,
      source: meta.source,
      currency: b.currency,
      headline: b.headline,
      sections: b.sections.map((s) => ({
        id: s.id,
        title: s.title,
        lead: s.lead,
        figures: s.figures,
        tables: s.tables,
      })),
      assumptions: b.assumptions,
      notes: b.notes,
      numbers: b.numbers,
    },
    null,
    2,
  )}\n`;
}

/** Runs the briefing and writes its folder. */
export async function runBriefing(
  file: string | undefined,
  raw: RawOptions,
  io: CliIo,
): Promise<BriefingOutput> {
  const started = performance.now();
  const out = resolve(
    io.cwd,
    z
      .string()
      .min(1)
      .parse(raw.out ?? 'briefing'),
  );
  const input = await commandInput(file, raw, io, join(out, 'rejected-rows.csv'));
  const sample = input.sample;
  const model = modelOptions(raw);
  const money = moneyOptions(
    raw,
    sample === null ? undefined : { margin: sample.margin, discountRate: sample.discountRate },
  );
  const currency = input.log.currency;
  const acquisitionCosts =
    acquisitionCostsOption(raw, currency, io.cwd) ??
    (sample === null ? undefined : { byPeriod: sample.acquisitionCosts });
  const cx: CxScenario | undefined =
    raw.cx !== undefined ? cxScenarioFile(String(raw.cx), io.cwd) : (sample?.cx ?? undefined);
  const seed = raw.seed === undefined ? undefined : Number(raw.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new CliError(
      EXIT.usage,
      `--seed must be a whole number; received ${JSON.stringify(raw.seed)}`,
    );
  const period = z.enum(['month', 'quarter', 'year']).safeParse(raw.period ?? 'quarter');
  if (!period.success)
    throw new CliError(
      EXIT.usage,
      `--period must be 'month', 'quarter' or 'year'; received ${JSON.stringify(raw.period)}`,
    );
  const ledgerPeriod = z.enum(['quarter', 'year']).safeParse(raw.ledgerPeriod ?? 'year');
  if (!ledgerPeriod.success)
    throw new CliError(
      EXIT.usage,
      `--ledger-period must be 'quarter' or 'year'; received ${JSON.stringify(raw.ledgerPeriod)}`,
    );
  const progress = new Progress(io);
  let b: Briefing;
  try {
    b = briefing({
      log: input.log,
      company: typeof raw.company === 'string' ? raw.company : (sample?.company ?? 'The company'),
      margin: money.margin,
      discountRate: money.discountRate,
      timeUnit: model.timeUnit,
      model: model.model,
      ...(model.observationEnd === undefined ? {} : { observationEnd: model.observationEnd }),
      ...(model.calibrationEnd !== undefined
        ? { calibrationEnd: model.calibrationEnd }
        : sample !== null
          ? { calibrationEnd: sample.calibrationEnd }
          : {}),
      period: period.data,
      ledgerPeriod: ledgerPeriod.data,
      ...(acquisitionCosts === undefined ? {} : { acquisitionCosts }),
      ...(cx === undefined ? {} : { cx }),
      ...(seed === undefined ? {} : { seed }),
      interval: raw.interval !== false,
      onProgress: (e) => progress.step(e.index, e.total + 1, e.label),
    });
  } catch (error) {
    progress.done();
    if (error instanceof CliError) throw error;
    throw new CliError(
      exitCodeOfComputation(error),
      `briefing failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  progress.step(8, 8, 'Drawing the charts and writing the page');
  const rendered = await renderSvgs(b.charts);
  const svgs = new Map(rendered.map((r) => [r.id, r.svg]));
  const meta: PageMeta = {
    generated: generatedAt(),
    version: packageVersion(),
    source: input.source,
  };
  const files: string[] = [];
  try {
    mkdirSync(join(out, 'charts'), { recursive: true });
    const write = (name: string, text: string) => {
      writeFileSync(join(out, name), text);
      files.push(name);
    };
    write('index.html', renderHtml(b, svgs, meta));
    write('briefing.md', renderMarkdown(b, meta));
    write('briefing.json', briefingJson(b, meta));
    write('customers.csv', customersCsv(b));
    for (const c of b.charts) {
      write(`charts/${c.id}.svg`, svgs.get(c.id)!);
      write(`charts/${c.id}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
    }
  } catch (error) {
    progress.done();
    throw new CliError(
      EXIT.output,
      `cannot write the briefing to ${out}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  progress.done();
  return {
    briefing: b,
    directory: out,
    files,
    renderWarnings: rendered.flatMap((r) => r.warnings.map((w) => `${r.id}: ${w}`)),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Registers `briefing`. */
export function briefingCommand(program: Command, io: CliIo): void {
  const command = program
    .command('briefing')
    .description('write the CFO briefing: an HTML page, Markdown, SVG charts and JSON figures')
    .argument(
      '[transactions]',
      'CSV file of transactions (customer, date, amount); omit with --sample',
    );
  addDataOptions(command);
  addModelOptions(
    command,
    "end of the calibration period of the holdout check, YYYY-MM-DD, or 'none' (default: 26 weeks before the end when the data span 78 weeks)",
  );
  addMoneyOptions(command);
  command
    .option('-o, --out <dir>', 'folder to write the briefing to', 'briefing')
    .option('--company <name>', "the company's name, for the title")
    .option(
      '--period <period>',
      'period of the cohorts and customer flows: month, quarter or year',
      'quarter',
    )
    .option(
      '--ledger-period <period>',
      'period of the customer-equity roll-forward: quarter or year',
      'year',
    )
    .option(
      '--acquisition-costs <file>',
      'JSON object of acquisition spend per period, e.g. { "2024-Q1": "12000" }',
    )
    .option(
      '--cac <amount>',
      'acquisition cost per customer acquired (instead of --acquisition-costs)',
    )
    .option('--cx <file>', 'JSON file describing a customer-experience programme to value')
    .option('--seed <n>', 'seed of the Monte Carlo (default 1)')
    .option('--no-interval', 'skip the 95% interval of customer equity (faster)')
    .option('--json', 'print what was written as JSON instead of a sentence')
    .action(async (file: string | undefined, raw: RawOptions) => {
      const result = await runBriefing(file, raw, io);
      const index = relative(io.cwd, join(result.directory, 'index.html')) || 'index.html';
      for (const w of result.renderWarnings) io.err(`warning: ${w}\n`);
      if (raw.json === true) {
        io.out(
          `${JSON.stringify({ directory: result.directory, files: result.files, headline: result.briefing.headline, seconds: result.seconds }, null, 2)}\n`,
        );
        return;
      }
      const equity = result.briefing.headline.find((f) => f.id === 'customerEquity');
      io.out(
        `Wrote the briefing to ${index} (open it in a browser), with briefing.md, briefing.json, customers.csv and ${result.briefing.charts.length} charts in ${relative(io.cwd, join(result.directory, 'charts')) || 'charts'}/, in ${result.seconds.toFixed(1)} s.\n` +
          (equity === undefined
            ? ''
            : `${equity.label}: ${equity.value}${equity.note === undefined ? '' : ` (${equity.note})`}.\n`),
      );
    });
}
