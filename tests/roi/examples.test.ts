/**
 * The worked examples of the two guides: each examples/roi-*.ts runs and prints what its comments
 * say, and the guide shows exactly that code (its imports from 'customer-asset' aside).
 */
import { describe, expect, it } from 'vitest';
import {
  exampleCode,
  exampleFiles,
  expectedOutput,
  expectGuideShows,
  printedBy,
} from '../helpers/example-files.js';

const guides: Readonly<Record<string, string>> = {
  'roi-retention-vs-acquisition.ts': 'docs/guide/retention-vs-acquisition.md',
  'roi-cx-return.ts': 'docs/guide/cx-return.md',
};
const files = exampleFiles(/^roi-.*\.ts$/);

describe('the ROI worked examples', () => {
  it('there is one per guide', () => {
    expect(files).toEqual(Object.keys(guides).sort());
  });

  it.each(files)('%s prints what its comments say', async (file) => {
    const expected = expectedOutput(exampleCode(file));
    expect(expected.length).toBeGreaterThan(5);
    expect(await printedBy(file)).toEqual(expected);
  });

  it.each(files)('the guide shows %s as it is', (file) => {
    expectGuideShows(guides[file]!, file);
  });
});
