import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { describeWithData } from '../helpers/shared-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scriptPath = join(root, 'examples', 'cdnow-walkthrough.ts');
const script = readFileSync(scriptPath, 'utf8');
const doc = readFileSync(join(root, 'docs', 'guide', 'cdnow-walkthrough.md'), 'utf8');

/** The body of the fenced block that follows `heading` in the guide. */
function blockAfter(heading: string, language: string): string {
  const at = doc.indexOf(heading);
  expect(at, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const open = doc.indexOf(`\`\`\`${language}\n`, at);
  const start = open + language.length + 4;
  return doc.slice(start, doc.indexOf('```', start));
}

describe('docs/guide/cdnow-walkthrough.md', () => {
  it('embeds examples/cdnow-walkthrough.ts verbatim', () => {
    expect(blockAfter('## The script', 'ts')).toBe(script);
  });
});

describeWithData('examples/cdnow-walkthrough.ts', ['CDNOW_sample.txt'], () => {
  it('runs, prints what the guide shows, and reproduces the published figures', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
    try {
      await import(pathToFileURL(scriptPath).href);
    } finally {
      log.mockRestore();
    }
    const output = `${printed.join('\n')}\n`;
    // If this fails after a change in a model, regenerate the guide's output block from
    // `npx tsx examples/cdnow-walkthrough.ts`.
    expect(output).toBe(blockAfter('## Its output', 'text'));
    expect(output).toContain(
      '2357 customers, 946 repeat buyers, 2457 repeat purchases in calibration, 1882 in the holdout',
    );
    // FHL 2005 (Marketing Science) estimates and log-likelihoods.
    expect(output).toContain(
      'r 0.243 | 0.243, alpha 4.414 | 4.414, a 0.793 | 0.793, b 2.426 | 2.426, LL -9582.4 | -9582.4',
    );
    expect(output).toContain(
      'r 0.553 | 0.553, alpha 10.578 | 10.578, s 0.606 | 0.606, beta 11.669 | 11.669, LL -9595.0 | -9595.0',
    );
    // Gamma-Gamma (note 025) and Hardie's E[Y(39)] = 1.226 for the first customer.
    expect(output).toMatch(/p 6\.25\d \| 6\.25, q 3\.74\d \| 3\.74, gamma 15\.44\d \| 15\.44/);
    expect(output).toContain('0001: x 2, t_x 30.43, T 38.86 -> P(alive) 0.727, E[Y(39)] 1.226');
    expect(output).toContain('   7+           64  6.359');
  });
});
