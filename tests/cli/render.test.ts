import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField, rejectedRowsCsv } from '../../src/cli/load.js';
import { escapeHtml } from '../../src/cli/render/html.js';
import { type RenderedChart, renderSvgs, scopeSvgIds } from '../../src/cli/render/svg.js';
import { simulateTransactions } from '../../src/data/simulate-transactions.js';
import { money } from '../../src/money/money.js';
import { briefing } from '../../src/report/briefing.js';
import type { Briefing } from '../../src/report/briefing-types.js';
import { SAMPLE_CX_SCENARIO } from '../../src/report/sample.js';
import { cli, tempDir, writeFile } from './helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('rendering helpers', () => {
  it('scopes every id of an SVG and the references to it', () => {
    const svg =
      '<svg><defs><clipPath id="clip1"><rect/></clipPath><linearGradient id="g1"/></defs>' +
      '<g clip-path="url(#clip1)"><rect fill="url(#g1)"/><use href="#clip1"/></g><g id="clip10"/></svg>';
    expect(scopeSvgIds(svg, 'c')).toBe(
      '<svg><defs><clipPath id="c-clip1"><rect/></clipPath><linearGradient id="c-g1"/></defs>' +
        '<g clip-path="url(#c-clip1)"><rect fill="url(#c-g1)"/><use href="#c-clip1"/></g><g id="c-clip10"/></svg>',
    );
    expect(scopeSvgIds('<svg></svg>', 'c')).toBe('<svg></svg>');
  });

  it('escapes text for HTML and fields for CSV', () => {
    expect(escapeHtml(`<b title="x">Tom & Jerry's</b>`)).toBe(
      '&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;',
    );
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(
      rejectedRowsCsv([
        {
          line: 4,
          column: 'amount',
          reason: 'bad; expected x, received "1,2"',
          raw: 'a,2024-01-01,"1,2"\r\n',
        },
      ]),
    ).toBe(
      'line,column,reason,row\n4,amount,"bad; expected x, received ""1,2""","a,2024-01-01,""1,2"""\n',
    );
  });
});

describe('every chart of a briefing renders to SVG in Node', () => {
  let b: Briefing;
  let rendered: RenderedChart[];

  beforeAll(async () => {
    const { log } = simulateTransactions({
      model: 'bg-nbd',
      params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      customers: 600,
      start: '2024-01-01',
      acquisitionEnd: '2024-12-31',
      end: '2026-01-01',
      seed: 3,
      spend: { p: 6.25, q: 3.74, gamma: 40 },
      currency: 'USD',
    });
    b = briefing({
      log,
      margin: '0.3',
      discountRate: '0.1',
      acquisitionCosts: { perCustomer: money('40', 'USD') },
      cx: { ...SAMPLE_CX_SCENARIO, draws: 2000 },
      interval: false,
    });
    rendered = await renderSvgs(b.charts);
  });

  it('without a warning from vega or vega-lite', () => {
    expect(rendered.map((r) => r.id)).toEqual(b.charts.map((c) => c.id));
    expect(rendered).toHaveLength(10);
    expect(rendered.flatMap((r) => r.warnings.map((w) => `${r.id}: ${w}`))).toEqual([]);
  });

  it('each SVG has a size, marks and its title', () => {
    for (const r of rendered) {
      expect(r.svg).toMatch(/^<svg [^>]*width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
      expect(r.svg).toMatch(/class="mark-/);
      const chart = b.charts.find((c) => c.id === r.id)!;
      const title = (chart.spec as { title: string }).title;
      expect(r.svg).toContain(title.split(' ').slice(0, 2).join(' '));
    }
  });
});

describe('customer-asset briefing on a file', () => {
  it('writes the page, the Markdown, the figures, the charts and the customers', async () => {
    const dir = tempDir();
    const { log } = simulateTransactions({
      model: 'bg-nbd',
      params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      customers: 400,
      start: '2024-01-01',
      acquisitionEnd: '2024-12-31',
      end: '2026-01-01',
      seed: 9,
      spend: { p: 6.25, q: 3.74, gamma: 40 },
      currency: 'EUR',
    });
    const lines = [
      'client;when;paid',
      ...log.transactions.map((t) => `${t.customerId};${t.date};${t.amount.toFixed(2)}`),
    ];
    writeFile(dir, 'shop.csv', `${lines.join('\n')}\n`);
    writeFile(dir, 'cx.json', JSON.stringify({ ...SAMPLE_CX_SCENARIO, draws: 2000 }));
    const r = await cli(
      [
        'briefing',
        'shop.csv',
        '--currency',
        'EUR',
        '--delimiter',
        ';',
        '--customer-column',
        'client',
        '--date-column',
        'when',
        '--amount-column',
        'paid',
        '--margin',
        '0.25',
        '--discount-rate',
        '0.08',
        '--cac',
        '30',
        '--cx',
        'cx.json',
        '--company',
        'Shop & Co',
        '--ledger-period',
        'quarter',
        '--no-interval',
        '--out',
        'report',
        '--json',
      ],
      dir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const written = JSON.parse(r.out) as {
      files: string[];
      headline: { id: string; value: string }[];
    };
    expect(written.files).toEqual(
      expect.arrayContaining(['index.html', 'briefing.md', 'briefing.json', 'customers.csv']),
    );
    const out = join(dir, 'report');
    expect(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg'))).toHaveLength(10);
    expect(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.vl.json'))).toHaveLength(10);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<title>Shop &amp; Co: the value of our customers</title>');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(10);
    expect(html.match(/<svg /g)).toHaveLength(10);
    // Self-contained: no script, no stylesheet or image fetched from anywhere.
    expect(html).not.toMatch(/<script|<link |src="http|url\(http/);
    expect(written.headline[0]?.value).toMatch(/^€[\d,]+$/);
    const md = readFileSync(join(out, 'briefing.md'), 'utf8');
    for (const m of md.matchAll(/\]\((charts\/[^)]+)\)/g))
      expect(existsSync(join(out, m[1]!))).toBe(true);
    expect(md).toContain('| Assumption | Value | Detail |');
    const json = JSON.parse(readFileSync(join(out, 'briefing.json'), 'utf8'));
    expect(json.numbers.ledger.period).toBe('quarter');
    expect(json.currency).toBe('EUR');
    const customers = readFileSync(join(out, 'customers.csv'), 'utf8').trim().split('\n');
    expect(customers[0]).toBe(
      'customerId,probabilityAlive,expectedPurchasesNextYear,expectedSpend,clv',
    );
    expect(customers).toHaveLength(401);
  });

  it('shows progress on a terminal, and nothing on a pipe', async () => {
    const dir = tempDir();
    const quiet = await cli(['summary', '--sample'], dir, false);
    expect(quiet.err).toBe('');
    const { log } = simulateTransactions({
      model: 'bg-nbd',
      params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      customers: 200,
      start: '2024-01-01',
      end: '2025-01-01',
      seed: 2,
      spend: { p: 6.25, q: 3.74, gamma: 40 },
      currency: 'USD',
    });
    writeFile(
      dir,
      'log.csv',
      `customerId,date,amount\n${log.transactions.map((t) => `${t.customerId},${t.date},${t.amount.toFixed(2)}`).join('\n')}\n`,
    );
    const tty = await cli(
      [
        'briefing',
        'log.csv',
        '--currency',
        'USD',
        '--margin',
        '0.3',
        '--discount-rate',
        '0.1',
        '--no-interval',
      ],
      dir,
      true,
    );
    expect(tty.code).toBe(0);
    expect(tty.err).toMatch(/\[1\/8\] Summarising transactions… \d+\.\d s/);
    expect(tty.err).toMatch(/\[8\/8\] Drawing the charts and writing the page… \d+\.\d s\n$/);
    expect(tty.out).toMatch(/^Wrote the briefing to briefing\/index\.html/);
  });
});

const builtCli = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(builtCli))
  console.warn('[skipped] built CLI test: run `npm run build` first (npm test does)');

describe.runIf(existsSync(builtCli))('the built executable', () => {
  it('dist/cli/main.js starts with a shebang and answers --help', () => {
    expect(readFileSync(builtCli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const out = execFileSync(process.execPath, [builtCli, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^Usage: customer-asset \[options\] \[command\]/);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin['customer-asset']).toBe('./dist/cli/main.js');
  });
});
