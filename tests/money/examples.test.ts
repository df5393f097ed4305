import { describeTsDocExamples } from '../helpers/tsdoc-examples.js';

describeTsDocExamples({ area: 'money', minimum: 41 });
