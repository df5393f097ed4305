/**
 * Every notebook-style script in examples/ runs, and the briefing examples (00-06, briefing-*) print
 * what their comments say: the trailing `// text` of a console.log line, or the comment lines right
 * after a console.log line that has none. The scripts on the CDNOW data (those importing
 * ./00-cdnow.js) skip with a message where the published data are absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { describeWithData } from '../helpers/shared-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'examples');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const source = (file: string) => readFileSync(join(dir, file), 'utf8');
const onCdnow = files.filter(
  (f) => f === '00-cdnow.ts' || source(f).includes("from './00-cdnow.js'"),
);
const standalone = files.filter((f) => !onCdnow.includes(f));
const checked = (file: string) => /^(0\d-|briefing-)/.test(file);

/** What the example says it prints (a console.log call may span lines once formatted). */
function expectedOutput(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^\s*(for \(.*\)\s*)?console\.log\(/.test(lines[i]!)) continue;
    let end = i;
    while (end < lines.length - 1 && !/\);( \/\/ .*)?$/.test(lines[end]!)) end += 1;
    const trailing = /\); \/\/ (.*)$/.exec(lines[end]!);
    if (trailing) out.push(trailing[1]!);
    else
      for (let j = end + 1; j < lines.length && /^\s*\/\/ /.test(lines[j]!); j += 1)
        out.push(lines[j]!.replace(/^\s*\/\/ /, ''));
    i = end;
  }
  return out;
}

async function runExample(file: string): Promise<string[]> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
  });
  try {
    await import(pathToFileURL(join(dir, file)).href);
  } finally {
    log.mockRestore();
  }
  return printed;
}

function check(file: string, printed: readonly string[]): void {
  if (!checked(file)) return;
  const expected = expectedOutput(source(file));
  if (file === '00-cdnow.ts') return;
  expect(expected.length, `${file} documents what it prints`).toBeGreaterThan(0);
  expect(printed.flatMap((p) => p.split('\n'))).toEqual(expected);
}

describe('the examples that need no data', () => {
  it.each(standalone)('%s runs', async (file) => {
    check(file, await runExample(file));
  });
});

describeWithData('the examples on CDNOW', ['CDNOW_sample.txt', 'CDNOW_master.txt'], () => {
  it.each(onCdnow)('%s runs and prints what it says', async (file) => {
    check(file, await runExample(file));
  });
});
