/**
 * Section 5 of a briefing on real data: roll the value of the CDNOW customers forward quarter by
 * quarter, like any other asset: opening, new customers, customers lost, margin collected, interest,
 * experience, closing. Every line is exact money and the statement balances to the cent.
 *
 *   npx tsx examples/05-ledger.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { compressSummary, rfmSummary } from '../src/index.js';
import { equityLedger, transactionValuation } from '../src/ledger/index.js';
import { bgNbd } from '../src/models/bg-nbd/index.js';
import { gammaGamma } from '../src/models/gamma-gamma/index.js';
import { equityWaterfallData, formatMoney } from '../src/report/index.js';
import { CDNOW, readCdnowSample } from './00-cdnow.js';

const log = await readCdnowSample();
const summary = rfmSummary(log, { timeUnit: 'week', observationEnd: CDNOW.observationEnd });
const params = bgNbd.fit(compressSummary(summary)).params;
const spend = gammaGamma.fit(summary).params;
const ledger = equityLedger(log, {
  period: 'quarter',
  lossRule: { kind: 'model', model: bgNbd, params, timeUnit: 'week' },
  valuation: transactionValuation({ model: bgNbd, timeUnit: 'week' }),
  assumptions: {
    retention: params,
    spend: { kind: 'gamma-gamma', ...spend },
    margin: 0.3,
    discountRate: 1.15 ** (7 / 365.2425) - 1, // 15% a year, per week
  },
  end: CDNOW.observationEnd,
});
const $ = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, { decimals: 0 }).padStart(9);
for (const r of ledger.total.rows)
  console.log(
    `${r.period} ${$(r.opening)} +${$(r.acquired)} −${$(r.lost)} −${$(r.marginRealised)} +${$(r.unwind)} ${$(r.experience)} = ${$(r.closing)}`,
  );
// 1997-Q1        $0 + $141,107 −   $4,514 −  $33,749 +   $1,986   $31,374 =  $136,204
// 1997-Q2  $136,204 +       $0 −  $30,925 −  $10,089 +   $4,640    $6,291 =  $106,121
// 1997-Q3  $106,121 +       $0 −  $16,982 −   $8,096 +   $3,653   $13,034 =   $97,730
// 1997-Q4   $97,730 +       $0 −  $12,828 −   $8,433 +   $3,351   $17,126 =   $96,947
// 1998-Q1   $96,947 +       $0 −  $10,713 −   $7,466 +   $3,277   $16,041 =   $98,087
// 1998-Q2   $98,087 +       $0 −  $12,592 −   $5,394 +   $3,378    $7,432 =   $90,911
console.log(ledger.checks.ok); // true

// The whole statement as the bars of a waterfall chart.
const waterfall = equityWaterfallData(ledger.total.summary);
console.log(waterfall.steps.map((s) => s.amountText).join(' ')); // $0 $141,107 −$88,553 −$73,227 $20,286 $91,299 $90,911
