import { afterAll, describe, expect, it } from 'vitest';
import { cleanExamples, examplesOf, expectedOutput, runExample } from '../helpers/examples.js';

const WORK = 'pareto-nbd-examples';
const BARRELS = {
  'src/models/pareto-nbd/index.ts': ['paretoNbd'],
  'src/data/index.ts': ['rfmSummaryFromRows'],
};
const examples = examplesOf(['models/pareto-nbd']);

afterAll(() => cleanExamples(WORK));

describe('Pareto/NBD TSDoc examples print what their comments say', () => {
  it('finds one example per public function', () => {
    expect(examples.length).toBeGreaterThanOrEqual(13);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s',
    async (_name, example) => {
      const printed = await runExample(example, BARRELS, WORK);
      expect(printed).toEqual(expectedOutput(example.code));
    },
  );
});
