/**
 * The worked examples of docs/guide/ledger.md: each examples/ledger-*.ts runs and prints what its
 * comments say, and the guide shows exactly that code (its imports from 'customer-asset' aside).
 */
import { describe, expect, it } from 'vitest';
import {
  exampleCode,
  exampleFiles,
  expectedOutput,
  expectGuideShows,
  printedBy,
} from '../helpers/example-files.js';

const files = exampleFiles(/^ledger-.*\.ts$/);

describe('the ledger worked examples', () => {
  it('there are three: counts, equity, erosion', () => {
    expect(files).toEqual(['ledger-counts.ts', 'ledger-equity.ts', 'ledger-erosion.ts']);
  });

  it.each(files)('%s prints what its comments say', async (file) => {
    const expected = expectedOutput(exampleCode(file));
    expect(expected.length).toBeGreaterThan(4);
    expect(await printedBy(file)).toEqual(expected);
  });

  it.each(files)('docs/guide/ledger.md shows %s as it is', (file) => {
    expectGuideShows('docs/guide/ledger.md', file);
  });
});
