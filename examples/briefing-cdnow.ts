/**
 * The CFO briefing of the CDNOW customers (the published 1/10 sample), in a notebook: every section's
 * answer in one sentence. The same briefing as an HTML page with charts, from the command line:
 *
 *   customer-asset briefing ../shared/data/CDNOW_sample.txt --currency USD --delimiter whitespace \
 *     --columns masterId,customerId,date,quantity,amount --date-format yyyymmdd \
 *     --margin 0.30 --discount-rate 0.15 --calibration-end 1997-09-30 --cac 12 --out briefing-cdnow
 *
 *   npx tsx examples/briefing-cdnow.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { money } from '../src/index.js';
import { briefing } from '../src/report/index.js';
import { CDNOW, readCdnowSample } from './00-cdnow.js';

const log = await readCdnowSample();
const b = briefing({
  log,
  company: 'CDNOW (1/10 sample)',
  margin: '0.30',
  discountRate: '0.15',
  calibrationEnd: CDNOW.calibrationEnd,
  acquisitionCosts: { perCustomer: money('12', 'USD') },
  interval: false,
});
for (const s of b.sections) console.log(`${s.title}\n  ${s.lead}`);
// What the customer base is worth
//   The 2,357 customers acquired since 1 January 1997 are worth $90,912 today: the present value of the margin they are expected to bring from 30 June 1998 on, at a 30% margin and a 15% yearly cost of capital.
// What moved it from 1 January 1998 to 30 June 1998
//   Customer equity fell from $96,947 to $90,911 from 1 January 1998 to 30 June 1998 (−6.2%). No customer was acquired; $12,860 of value was collected as margin; customers who went quiet took $18,500 off, and purchases by customers the forecast had written down put $18,859 back.
// Where customers are won and lost
//   Over 1997-Q3 to 1998-Q2 the company acquired 0 customers and lost an expected 403, while 180 came back; the active base went from 2,078 to 1,855 customers.
// Can the forecasts be trusted?
//   Fitted only on the data to 30 September 1997, the model forecast 1,653 repeat purchases by those 2,357 customers over the next 39 weeks; they made 1,882 (the forecast was 12.1% low).
// Retention against acquisition
//   One more point of yearly retention would add $5,812 to customer equity. To add as much by acquisition would take 119 more customers at today's $12.00 each, $1,432 of spend; a retention programme that delivers the point for less than $1,149 returns more per dollar than acquisition.
// The return on customer-experience spending
//   No customer-experience programme was given, so this section is empty. State one in a JSON file and pass it with --cx (docs/guide/briefing.md shows the format).
