/**
 * The derived reference values of scripts/reference/bg_nbd_mbg_nbd.py (committed with the script:
 * no shared data needed to read them).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'scripts',
  'reference',
  'bg_nbd_mbg_nbd.json',
);

let cached: unknown;

/** The parsed JSON (loosely typed: the tests index it by the ids the script writes). */
// biome-ignore lint/suspicious/noExplicitAny: reference JSON read by tests
export function referenceJson(): Record<string, any> {
  cached ??= JSON.parse(readFileSync(file, 'utf8'));
  // biome-ignore lint/suspicious/noExplicitAny: reference JSON read by tests
  return cached as Record<string, any>;
}
