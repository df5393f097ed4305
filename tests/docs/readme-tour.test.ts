import { describeMarkdownCode } from '../helpers/markdown-code.js';

// The README's tour runs as written and prints what its comments say.
describeMarkdownCode('README.md');
