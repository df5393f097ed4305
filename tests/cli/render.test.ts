import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvField, rejectedRowsCsv } from '../../src/cli/load.js';
import { escapeHtml } from '../../src/cli/render/html.js';
import { scopeSvgIds } from '../../src/cli/render/svg.js';
import { simulateTransactions } from '../../src/data/simulate-transactions.js';
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
      true,
    );
    expect(r.code).toBe(0);
    // On a terminal: one progress line per step, and no warning from vega or vega-lite.
    expect(r.err).toMatch(/^\r\[1\/8\] Summarising transactions…/);
    expect(r.err).toMatch(/\[8\/8\] Drawing the charts and writing the page… \d+\.\d s\n$/);
    expect(r.err).not.toMatch(/warning/);
    const written = JSON.parse(r.out) as {
      files: string[];
      headline: { id: string; value: string }[];
    };
    expect(written.files).toEqual(
      expect.arrayContaining(['index.html', 'briefing.md', 'briefing.json', 'customers.csv']),
    );
    const out = join(dir, 'report');
    const svgs = readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg'));
    expect(svgs).toHaveLength(10);
    for (const file of svgs) {
      const svg = readFileSync(join(out, 'charts', file), 'utf8');
      expect(svg, file).toMatch(/^<svg [^>]*width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
      expect(svg, file).toMatch(/class="mark-/);
      const spec = JSON.parse(
        readFileSync(join(out, 'charts', file.replace('.svg', '.vl.json')), 'utf8'),
      );
      expect(svg, file).toContain(String(spec.title).split(' ').slice(0, 2).join(' '));
    }
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

  it('shows no progress on a pipe', async () => {
    const quiet = await cli(['summary', '--sample'], tempDir(), false);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
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
