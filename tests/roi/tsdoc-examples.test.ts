import { describeTsDocExamples } from '../helpers/tsdoc-examples.js';

describeTsDocExamples({
  area: 'roi',
  barrels: ['money', 'roi'],
  minimum: 12,
  everyExampleChecks: true,
});
