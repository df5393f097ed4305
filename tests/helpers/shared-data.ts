import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where the published reference data live: `CUSTOMER_ASSET_DATA` if set, else `../shared/data`
 * beside the repository. Returns undefined when neither exists.
 */
export function sharedDataDir(): string | undefined {
  const fromEnv = process.env.CUSTOMER_ASSET_DATA;
  const candidates = fromEnv ? [resolve(fromEnv)] : [resolve(repoRoot, '..', 'shared', 'data')];
  return candidates.find((dir) => existsSync(dir));
}

/** Path of the shared reference folder (test-vectors.json lives in ../reference next to data/). */
export function sharedReferenceFile(name: string): string | undefined {
  const data = sharedDataDir();
  if (!data) return undefined;
  const file = resolve(data, '..', 'reference', name);
  return existsSync(file) ? file : undefined;
}

/** Path of one data file, or undefined when it is absent. */
export function sharedDataFile(name: string): string | undefined {
  const dir = sharedDataDir();
  if (!dir) return undefined;
  const file = join(dir, name);
  return existsSync(file) ? file : undefined;
}

/**
 * `describe` for a reference suite that needs published data files. Where they are absent the suite
 * is skipped with a message saying which file is missing, unless `CUSTOMER_ASSET_REQUIRE_DATA=1`
 * (set by .ci/run), in which case the absence is a failure: CI must never skip these silently.
 */
export function describeWithData(
  name: string,
  files: readonly string[],
  body: (paths: Record<string, string>) => void,
): void {
  const paths: Record<string, string> = {};
  const missing: string[] = [];
  for (const file of files) {
    const path = sharedDataFile(file);
    if (path) paths[file] = path;
    else missing.push(file);
  }
  if (missing.length === 0) {
    describe(name, () => body(paths));
    return;
  }
  const reason = `reference data not found: ${missing.join(', ')} (set CUSTOMER_ASSET_DATA or place ../shared/data beside the repository)`;
  if (process.env.CUSTOMER_ASSET_REQUIRE_DATA === '1') {
    throw new Error(`${name}: ${reason}; CUSTOMER_ASSET_REQUIRE_DATA=1 forbids skipping`);
  }
  console.warn(`[skipped] ${name}: ${reason}`);
  describe.skip(`${name} (skipped: ${reason})`, () => body(paths));
}
