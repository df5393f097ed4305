import { describeMarkdownCode } from '../helpers/markdown-code.js';

// docs/guide/clv.md: its three code blocks run as written and print what their comments say.
describeMarkdownCode('docs/guide/clv.md', { blocks: 3 });
