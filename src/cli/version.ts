/**
 * The package's version, read from package.json (two levels up from both src/cli and dist/cli).
 */
import { readFileSync } from 'node:fs';

/** The version of customer-asset, or `'unknown'` when package.json cannot be read. */
export function packageVersion(): string {
  try {
    const json = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version?: unknown;
    };
    return typeof json.version === 'string' ? json.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** When the output was made: `SOURCE_DATE_EPOCH` (reproducible builds) or now, as an ISO date-time. */
export function generatedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date =
    epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
