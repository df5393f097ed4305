/**
 * CDNOW walkthrough (docs/guide/cdnow-walkthrough.md): from the raw transaction log to the value of
 * the customer base in money, with intervals.
 * Run: npx tsx examples/cdnow-walkthrough.ts
 * Data: CDNOW_sample.txt in $CUSTOMER_ASSET_DATA, or in ../shared/data beside the repository.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bgNbd,
  customerLifetimeValue,
  divideMoney,
  gammaGamma,
  holdoutReport,
  holdoutTracking,
  type Money,
  paretoNbd,
  readTransactionsCsv,
  rfmSummary,
  roundMoney,
  spendFrequencyCorrelation,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.CUSTOMER_ASSET_DATA ?? resolve(here, '..', '..', 'shared', 'data');
const file = join(dataDir, 'CDNOW_sample.txt');
if (!existsSync(file)) {
  console.error(`CDNOW_sample.txt not found in ${dataDir}: set CUSTOMER_ASSET_DATA to its folder.`);
  process.exit(1);
}

// 1. The raw log: no header, whitespace-separated, dates YYYYMMDD, amounts in dollars.
const log = await readTransactionsCsv(file, {
  currency: 'USD',
  delimiter: 'whitespace',
  columns: ['masterId', 'customerId', 'date', 'quantity', 'amount'],
  dateFormat: 'yyyymmdd',
});
console.log(`1. Log: ${log.transactions.length} transactions, ${log.rejected.length} rejected`);

// 2. Calibration summary in weeks (days / 7), same-day purchases merged, holdout to 1998-06-30.
const summary = rfmSummary(log, {
  timeUnit: 'week',
  calibrationEnd: '1997-09-30',
  observationEnd: '1998-06-30',
});
const rows = summary.customers;
const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
console.log(
  `2. Summary: ${rows.length} customers, ${rows.filter((r) => r.frequency > 0).length} repeat buyers,` +
    ` ${sum((r) => r.frequency)} repeat purchases in calibration, ${sum((r) => r.holdout!.frequency)} in the holdout`,
);

// 3. The two transaction models, against the published estimates (Fader, Hardie & Lee 2005).
const fmt = (v: number) => v.toFixed(3);
const bg = bgNbd.fit(summary);
const pnbd = paretoNbd.fit(summary);
console.log('3. Fits (ours | published)');
console.log(
  `   BG/NBD     r ${fmt(bg.params.r)} | 0.243, alpha ${fmt(bg.params.alpha)} | 4.414,` +
    ` a ${fmt(bg.params.a)} | 0.793, b ${fmt(bg.params.b)} | 2.426, LL ${bg.logLikelihood.toFixed(1)} | -9582.4`,
);
console.log(
  `   Pareto/NBD r ${fmt(pnbd.params.r)} | 0.553, alpha ${fmt(pnbd.params.alpha)} | 10.578,` +
    ` s ${fmt(pnbd.params.s)} | 0.606, beta ${fmt(pnbd.params.beta)} | 11.669, LL ${pnbd.logLikelihood.toFixed(1)} | -9595.0`,
);

// 4. Spend per transaction: Gamma-Gamma on the 946 repeat buyers (independence checked first).
const check = spendFrequencyCorrelation(summary);
const gg = gammaGamma.fit(summary);
console.log(
  `4. Gamma-Gamma p ${fmt(gg.params.p)} | 6.25, q ${fmt(gg.params.q)} | 3.74, gamma ${fmt(gg.params.gamma)} | 15.44;` +
    ` spend-frequency correlation ${check.pearson.toFixed(2)} (${check.verdict})`,
);

// 5. Who is still alive? Three customers at the end of calibration (BG/NBD).
console.log('5. P(alive) and expected purchases in the 39-week holdout (BG/NBD)');
for (const id of ['0001', '0004', '0018']) {
  const c = rows.find((r) => r.customerId === id)!;
  console.log(
    `   ${id}: x ${c.frequency}, t_x ${c.recency.toFixed(2)}, T ${c.T.toFixed(2)} -> P(alive)` +
      ` ${bgNbd.probabilityAlive(bg.params, c).toFixed(3)}, E[Y(39)] ${bgNbd.expectedPurchases(bg.params, c, 39).toFixed(3)}` +
      `, actual ${c.holdout!.frequency}`,
  );
}

// 6. Holdout validation: the calibration-versus-holdout table and the weekly tracking.
const bgReport = holdoutReport(bgNbd, bg.params, summary);
const pnReport = holdoutReport(paretoNbd, pnbd.params, summary);
console.log('6. Holdout, mean purchases per customer by calibration frequency');
console.log('   x     customers  actual  BG/NBD  Pareto/NBD');
bgReport.byFrequency.forEach((b, i) => {
  const p = pnReport.byFrequency[i]!;
  console.log(
    `   ${b.label.padEnd(5)} ${String(b.customers).padStart(9)}  ${b.meanActual.toFixed(3)}   ${b.meanPredicted.toFixed(3)}   ${p.meanPredicted.toFixed(3)}`,
  );
});
for (const r of [bgReport, pnReport])
  console.log(
    `   ${r.model.padEnd(10)} total ${r.totalPredicted.toFixed(0)} vs ${r.totalActual} actual;` +
      ` MAE ${r.meanAbsoluteError.toFixed(3)}, RMSE ${r.rootMeanSquaredError.toFixed(3)}, bias ${r.bias.toFixed(3)}`,
  );
const tracking = holdoutTracking(bgNbd, bg.params, log, {
  calibrationEnd: '1997-09-30',
  observationEnd: '1998-06-30',
  timeUnit: 'week',
});
const weeks = [13, 26, 39].map((k) => tracking.periods[k - 1]!);
console.log(
  `   cumulative repeat purchases, expected vs actual: ${weeks
    .map((p) => `week ${p.index} ${p.cumulativeExpected.toFixed(0)} vs ${p.cumulativeActual}`)
    .join(', ')}`,
);

// 7. CLV in money: Pareto/NBD DERT x Gamma-Gamma E(M) x 30% margin, 15% a year (52 weeks).
const usd = (m: Money) => `$${roundMoney(m, 'half-up').amount.toFixed(2)}`;
const clv = customerLifetimeValue({
  transactions: { model: paretoNbd, fitted: pnbd },
  spend: { model: gammaGamma, fitted: gg },
  summary,
  horizon: 'infinite',
  discount: { rate: '0.15', per: { value: 52, unit: 'week' } },
  margin: '0.30',
  currency: 'USD',
});
console.log(`7. Residual CLV (${clv.conventions.discount.conversion})`);
const order = [...clv.value.keys()].sort((i, j) => clv.value[j]! - clv.value[i]!);
for (const i of order.slice(0, 3)) {
  const { lower, upper } = clv.interval!.intervalAt(i);
  console.log(
    `   ${clv.customerIds![i]}: ${usd(clv.valueAt(i))} (95% ${usd(lower)} to ${usd(upper)}),` +
      ` DERT ${clv.discountedTransactions[i]!.toFixed(2)}, E(M) $${clv.expectedSpend[i]!.toFixed(2)}`,
  );
}
const equity = clv.customerEquity;
console.log(
  `   customer equity of the ${clv.customers} customers: ${usd(equity.value)}` +
    ` (95% ${usd(equity.lower!)} to ${usd(equity.upper!)}), ${usd(divideMoney(equity.value, clv.customers))} a customer`,
);

// 8. The next year only: a 52-week horizon with BG/NBD, mid-period discounting, by quarter.
const year = customerLifetimeValue({
  transactions: { model: bgNbd, fitted: bg },
  spend: { model: gammaGamma, fitted: gg },
  summary,
  horizon: { value: 52, unit: 'week' },
  period: { value: 13, unit: 'week' },
  discount: { rate: '0.15', per: { value: 52, unit: 'week' } },
  margin: '0.30',
  currency: 'USD',
});
console.log(
  `8. Next 52 weeks (BG/NBD): ${usd(year.customerEquity.value)} (95% ${usd(year.customerEquity.lower!)} to ${usd(year.customerEquity.upper!)})`,
);
for (const p of year.stream!)
  console.log(
    `   weeks ${p.start}-${p.end}: ${p.expectedTransactions.toFixed(0)} purchases, revenue ${usd(p.expectedRevenue)}, present value of margin ${usd(p.presentValue)}`,
  );
