import { defineConfig } from 'tsup';

/**
 * Two builds:
 * - ESM, unbundled: one output module per source module, so that with `"sideEffects": false` a
 *   consumer's bundler drops every module it does not use (a single bundled file would keep any
 *   top-level call, such as a zod schema, that it cannot prove pure).
 * - CommonJS, bundled into one file (CommonJS is not tree-shaken by bundlers anyway).
 * Each carries its own declarations (`.d.ts` for import, `.d.cts` for require).
 */
export default defineConfig([
  {
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: 'src/index.ts' },
    sourcemap: true,
    clean: false,
    target: 'node20',
    outDir: 'dist',
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    bundle: true,
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    outDir: 'dist',
  },
]);
