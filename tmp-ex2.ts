import { paretoNbd } from './src/models/pareto-nbd/index.js';
import { rfmSummaryFromRows } from './src/data/index.js';
const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const customer = { frequency: 2, recency: 30.43, T: 38.86 };
console.log(paretoNbd.probabilityAlive(params, customer).toFixed(4), paretoNbd.expectedPurchases(params, customer, 39).toFixed(4), paretoNbd.expectedPurchasesNewCustomer(params, 52).toFixed(4));
const buyer = { frequency: 26, recency: 30.85714, T: 31 };
console.log(paretoNbd.probabilityAlive(params, buyer).toFixed(5), paretoNbd.probabilityAlive(params, buyer, 52).toFixed(4));
