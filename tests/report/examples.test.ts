/**
 * Every notebook-style script in examples/ runs, and the briefing examples (00-06, briefing-*) print
 * what their comments say: the trailing `// text` of a console.log line, or the comment lines right
 * after a console.log line that has none. The scripts on the CDNOW data (those importing
 * ./00-cdnow.js) skip with a message where the published data are absent.
 */
import { describe, expect, it } from 'vitest';
import {
  exampleFiles,
  expectedOutput,
  printedBy,
  exampleCode as source,
} from '../helpers/example-files.js';
import { describeWithData } from '../helpers/shared-data.js';

const files = exampleFiles(/\.ts$/);
const onCdnow = files.filter(
  (f) => f === '00-cdnow.ts' || source(f).includes("from './00-cdnow.js'"),
);
const standalone = files.filter((f) => !onCdnow.includes(f));
const checked = (file: string) => /^(0\d-|briefing-)/.test(file);

function check(file: string, printed: readonly string[]): void {
  if (!checked(file)) return;
  const expected = expectedOutput(source(file));
  if (file === '00-cdnow.ts') return;
  expect(expected.length, `${file} documents what it prints`).toBeGreaterThan(0);
  expect(printed.flatMap((p) => p.split('\n'))).toEqual(expected);
}

describe('the examples that need no data', () => {
  it.each(standalone)('%s runs', async (file) => {
    check(file, await printedBy(file));
  });
});

describeWithData('the examples on CDNOW', ['CDNOW_sample.txt', 'CDNOW_master.txt'], () => {
  it.each(onCdnow)('%s runs and prints what it says', async (file) => {
    check(file, await printedBy(file));
  });
});
