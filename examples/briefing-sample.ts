/**
 * The whole CFO briefing of the built-in sample company, in a notebook: build it with `briefing()`
 * and read it as text. `npm start` (customer-asset briefing --sample) renders the same briefing to
 * an HTML page with charts; the charts here are Vega-Lite specs (`b.charts[i].spec`) that a
 * notebook or Observable can display as they are.
 *
 *   npx tsx examples/briefing-sample.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { briefing, briefingSample } from '../src/report/index.js';

const sample = briefingSample();
const b = briefing({
  log: sample.log,
  company: sample.company,
  margin: sample.margin,
  discountRate: sample.discountRate,
  calibrationEnd: sample.calibrationEnd,
  acquisitionCosts: { byPeriod: sample.acquisitionCosts },
  cx: sample.cx,
  interval: false, // the 95% interval of customer equity costs a second; npm start computes it
});
console.log(b.title); // Northwind Provisions (sample company): the value of our customers
for (const f of b.headline) console.log(`${f.label}: ${f.value}`);
// Value of the customer base: $426,278
// Customers acquired: 5,000
// Change over the last year: +$117,721
// One point of retention adds: $29,490
// Customer-care programme: 2.42× per $1
for (const s of b.sections) console.log(`${s.title} — ${s.lead.slice(0, 50)}…`);
// What the customer base is worth — The 5,000 customers acquired since 1 January 2023 …
// What moved it in 2025 — Customer equity rose from $308,557 to $426,278 in …
// Where customers are won and lost — In 2025 the company acquired 1,665 customers and l…
// Can the forecasts be trusted? — Fitted only on the data to 30 June 2025, the model…
// Retention against acquisition — One more point of yearly retention would add $29,4…
// The return on customer-experience spending — Customer-care programme ($30,000 over 3 years): Ea…
console.log(b.charts.map((c) => c.id).join(' ')); // clv-deciles equity-waterfall customer-flow layer-cake retention-heatmap holdout-tracking p-alive retention-curves cx-distribution cx-tornado
