import { afterAll, describe, expect, it } from 'vitest';
import { cleanExamples, examplesOf, expectedOutput, runExample } from '../helpers/examples.js';

const WORK = 'mbg-nbd-examples';
const BARRELS = {
  'src/models/mbg-nbd/index.ts': ['mbgNbd'],
  'src/data/index.ts': ['rfmSummaryFromRows'],
};
const examples = examplesOf(['models/mbg-nbd']);

afterAll(() => cleanExamples(WORK));

describe('MBG/NBD TSDoc examples print what their comments say', () => {
  it('finds one example per public function', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s',
    async (_name, example) => {
      const printed = await runExample(example, BARRELS, WORK);
      expect(printed).toEqual(expectedOutput(example.code));
    },
  );
});
