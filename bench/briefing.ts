/**
 * The CFO briefing on the built-in sample (5,000 customers, 13,503 transactions): end to end as
 * `npm start` runs it (a fresh Node process with tsx: module loading, the analysis, ten charts
 * rendered with vega, the files written), target under 10 s; and its parts in-process.
 *
 *   npm run bench -- briefing
 *
 * Wall times depend on what else the machine is doing; the CPU time of the same run is reported
 * next to each (it is what the run costs on an idle machine).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSvgs } from '../src/cli/render/svg.js';
import { briefing, briefingSample } from '../src/report/index.js';
import { type BenchResult, below } from './harness.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One cold run of the command line in a fresh process: wall and CPU milliseconds. */
function coldRun(out: string): { wall: number; cpu: number } {
  const script = [
    "const { run } = await import('./src/cli/program.ts');",
    `const code = await run(['briefing', '--sample', '--out', ${JSON.stringify(out)}], { out: () => {}, err: (t) => process.stderr.write(t), isTty: false, cwd: process.cwd() });`,
    'const u = process.cpuUsage();',
    'process.stdout.write(JSON.stringify({ code, cpu: (u.user + u.system) / 1000 }));',
  ].join('\n');
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`the briefing failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout) as { code: number; cpu: number };
  if (result.code !== 0)
    throw new Error(`the briefing exited with ${result.code}: ${child.stderr}`);
  return { wall, cpu: result.cpu };
}

export async function run(): Promise<BenchResult[]> {
  const out = mkdtempSync(join(tmpdir(), 'customer-asset-bench-briefing-'));
  const results: BenchResult[] = [];
  try {
    const runs = [coldRun(out), coldRun(out), coldRun(out)].sort((a, b) => a.wall - b.wall);
    const median = runs[1]!;
    results.push(
      below(
        'npm start: briefing of the sample, cold process, end to end',
        median.wall / 1000,
        's',
        10,
        `median of 3; CPU ${(median.cpu / 1000).toFixed(1)} s`,
      ),
    );

    // The parts, in-process and warm.
    const sample = briefingSample();
    const input = {
      log: sample.log,
      company: sample.company,
      margin: sample.margin,
      discountRate: sample.discountRate,
      calibrationEnd: sample.calibrationEnd,
      acquisitionCosts: { byPeriod: sample.acquisitionCosts },
      cx: sample.cx,
    };
    briefing(input); // warm-up
    const steps = new Map<string, number>();
    let last = cpuMs();
    let current = '';
    const c0 = cpuMs();
    const t0 = process.hrtime.bigint();
    const b = briefing({
      ...input,
      onProgress: (e) => {
        const now = cpuMs();
        if (current !== '') steps.set(current, now - last);
        current = e.step;
        last = now;
      },
    });
    steps.set(current, cpuMs() - last);
    const analysisWall = Number(process.hrtime.bigint() - t0) / 1e6;
    const analysisCpu = cpuMs() - c0;
    results.push({
      name: 'briefing(): the analysis and the text, warm',
      value: analysisWall,
      unit: 'ms',
      note: `CPU ${analysisCpu.toFixed(0)} ms: ${[...steps].map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join(', ')}`,
    });
    await renderSvgs(b.charts); // loads vega
    const r0 = cpuMs();
    const rt = process.hrtime.bigint();
    await renderSvgs(b.charts);
    results.push({
      name: 'ten charts rendered to SVG with vega, warm',
      value: Number(process.hrtime.bigint() - rt) / 1e6,
      unit: 'ms',
      note: `CPU ${(cpuMs() - r0).toFixed(0)} ms`,
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return results;
}
