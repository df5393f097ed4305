import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = existsSync(resolve(root, 'dist', 'index.js'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
// Third-party dependencies stay external: the question is what of *our* code a consumer pulls in.
const external = Object.keys(pkg.dependencies);

async function bundle(consumer: string): Promise<string> {
  const result = await build({
    stdin: { contents: consumer, resolveDir: root, loader: 'ts', sourcefile: 'consumer.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    treeShaking: true,
    minify: false,
    external,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe.runIf(built)('a consumer that uses one function gets only that code', () => {
  it('npv alone leaves out the special functions, the optimizer, the samplers and the data code', async () => {
    const code = await bundle(
      "import { npv, money } from 'customer-asset';\nconsole.log(npv(0.1, [money('-100', 'USD'), money('110', 'USD')]));",
    );
    expect(code).toMatch(/function npv\b/);
    for (const absent of [
      'function hyp2f1',
      'function maximizeLikelihood',
      'function sampleGamma',
      'function cohortTable',
      'function rfmSummary',
    ]) {
      expect(code, `${absent} should have been tree-shaken`).not.toContain(absent);
    }
  });

  it('gammaln alone leaves out money, data and the optimizer', async () => {
    const code = await bundle(
      "import { gammaln } from 'customer-asset';\nconsole.log(gammaln(5));",
    );
    expect(code).toMatch(/function gammaln\b/);
    for (const absent of [
      'function npv',
      'function irr',
      'function minimize',
      'function parseTransactions',
      'decimal.js',
    ]) {
      expect(code, `${absent} should have been tree-shaken`).not.toContain(absent);
    }
  });
});
