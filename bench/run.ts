/**
 * Runs every benchmark in bench/ (each file exports `run(): Promise<BenchResult[]>`) and writes a
 * dated results file: bench/results/<date>.md and .json, with version, machine and command.
 *
 *   npm run bench                 # all suites
 *   npm run bench -- money data   # only the named suites
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['harness.ts', 'run.ts'].includes(f))
  .map((f) => basename(f, '.ts'))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}-${process.arch}`;
const command = `npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}`;

const rows: { suite: string; result: BenchResult }[] = [];
for (const suite of suites) {
  const mod = (await import(pathToFileURL(join(here, `${suite}.ts`)).href)) as {
    run?: () => Promise<BenchResult[]>;
  };
  if (typeof mod.run !== 'function') continue;
  process.stdout.write(`bench ${suite} ...\n`);
  for (const result of await mod.run()) {
    rows.push({ suite, result });
    const status = result.met === undefined ? '' : result.met ? ' ok' : ' MISSED';
    process.stdout.write(
      `  ${result.name}: ${formatValue(result.value)} ${result.unit}${result.target ? ` (target ${result.target})${status}` : ''}\n`,
    );
  }
}

function formatValue(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

const lines = [
  `# Benchmark results, ${date}`,
  '',
  `- version: customer-asset ${pkg.version}`,
  `- machine: ${machine}`,
  `- command: \`${command}\``,
  '- figures are warm medians unless the row says otherwise',
  '',
  '| suite | benchmark | value | unit | target | met |',
  '| --- | --- | ---: | --- | --- | --- |',
  ...rows.map(
    ({ suite, result }) =>
      `| ${suite} | ${result.name}${result.note ? ` (${result.note})` : ''} | ${formatValue(result.value)} | ${result.unit} | ${result.target ?? ''} | ${result.met === undefined ? '' : result.met ? 'yes' : 'no'} |`,
  ),
  '',
];
const outDir = join(here, 'results');
mkdirSync(outDir, { recursive: true });
// One suite keeps its name in the file name; several (or all) write the date alone.
const suffix = only.length === 1 ? `-${only[0]}` : only.length > 1 ? `-${only.length}-suites` : '';
writeFileSync(join(outDir, `${date}${suffix}.md`), lines.join('\n'));
writeFileSync(
  join(outDir, `${date}${suffix}.json`),
  `${JSON.stringify({ date, version: pkg.version, machine, command, results: rows }, null, 2)}\n`,
);
process.stdout.write(`wrote bench/results/${date}${suffix}.md\n`);
