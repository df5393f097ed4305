/**
 * Section 3 of a briefing on real data: fit the purchase model (BG/NBD) and the spend model
 * (Gamma-Gamma) on the CDNOW sample's calibration period, compare with the published estimates, and
 * check the forecast against the 39-week holdout.
 *
 *   npx tsx examples/03-fit.ts
 *
 * (In an application, import these names from 'customer-asset'.)
 */
import { compressSummary, rfmSummary } from '../src/index.js';
import { bgNbd } from '../src/models/bg-nbd/index.js';
import { gammaGamma } from '../src/models/gamma-gamma/index.js';
import { holdoutTracking } from '../src/models/holdout/index.js';
import { formatNumber, formatPercent } from '../src/report/index.js';
import { CDNOW, readCdnowSample } from './00-cdnow.js';

const log = await readCdnowSample();
const summary = rfmSummary(log, { timeUnit: 'week', ...CDNOW });
const purchases = bgNbd.fit(compressSummary(summary));
const p = purchases.params;
// Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426.
console.log(p.r.toFixed(3), p.alpha.toFixed(3), p.a.toFixed(3), p.b.toFixed(3)); // 0.243 4.414 0.793 2.426
console.log(purchases.logLikelihood.toFixed(2), purchases.diagnostics.converged); // -9582.43 true

const spend = gammaGamma.fit(summary);
const s = spend.params;
// Fader, Hardie & Lee (2005, JMR): p = 6.25, q = 3.74, gamma = 15.44.
console.log(s.p.toFixed(2), s.q.toFixed(2), s.gamma.toFixed(2)); // 6.25 3.74 15.44

// The forecast against what the 2,357 customers then did (FHL 2005, figure 2).
const tracking = holdoutTracking(bgNbd, p, log, { ...CDNOW, timeUnit: 'week' });
const error = (tracking.totalExpected - tracking.totalActual) / tracking.totalActual;
console.log(
  `forecast ${formatNumber(tracking.totalExpected)} repeat purchases, actual ${formatNumber(tracking.totalActual)}, error ${formatPercent(error, 1)}`,
); // forecast 1,653 repeat purchases, actual 1,882, error −12.1%
