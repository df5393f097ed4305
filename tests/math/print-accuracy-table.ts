/**
 * Prints the accuracy table of docs/models/numerics.md (markdown rows) from the committed reference
 * values: `npx tsx tests/math/print-accuracy-table.ts`. Add `--worst` to print the worst inputs.
 */
import { accuracyTable } from './accuracy.js';

const showWorst = process.argv.includes('--worst');
for (const row of accuracyTable()) {
  const worst = row.worst === 0 ? '0' : row.worst.toExponential(1);
  const at = showWorst ? ` ${JSON.stringify(row.worstAt)}` : '';
  const bound = row.bound.toExponential(0);
  process.stdout.write(
    `| ${row.fn} | ${row.region} | ${row.metric} | ${row.cases} | ${worst} | ${bound} |${at}\n`,
  );
}
