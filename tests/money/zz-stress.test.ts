import fc from 'fast-check';
fc.configureGlobal({ numRuns: 1500 });
await import('./money.prop.test.js');
await import('./finance.prop.test.js');
await import('./simple-clv.prop.test.js');
