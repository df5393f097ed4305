/**
 * Vega-Lite specifications to SVG in Node, with vega-lite (compile) and vega (headless view, no
 * browser, no canvas). vega and vega-lite are ES modules with top-level await, so they are loaded
 * here with a dynamic `import()` and never from the library's entry point (which also builds to
 * CommonJS).
 */
import type { VegaLiteSpec } from '../../report/charts/spec.js';

/** One rendered chart. */
export interface RenderedChart {
  readonly id: string;
  readonly svg: string;
  /** What vega and vega-lite warned about while compiling and rendering (none for a sound spec). */
  readonly warnings: readonly string[];
}

/** A logger for vega and vega-lite that collects messages instead of printing them. */
function collectingLogger(messages: string[]) {
  let level = 2; // Warn
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      messages.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= 2) messages.push(`warning: ${args.map(String).join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/**
 * Makes every `id` of an SVG unique to the chart (`clip1` → `waterfall-clip1`), so that several
 * charts can be inlined in one HTML page without their clip paths and gradients colliding.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
  if (ids.size === 0) return svg;
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...ids]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return svg
    .replace(new RegExp(`(\\sid=")(${alternatives})(")`, 'g'), `$1${prefix}-$2$3`)
    .replace(new RegExp(`url\\(#(${alternatives})\\)`, 'g'), `url(#${prefix}-$1)`)
    .replace(new RegExp(`(href=")#(${alternatives})(")`, 'g'), `$1#${prefix}-$2$3`);
}

/**
 * Renders Vega-Lite specifications to standalone SVG documents, in order. The first call loads
 * vega and vega-lite (about half a second); later calls reuse them.
 */
export async function renderSvgs(
  charts: readonly { readonly id: string; readonly spec: VegaLiteSpec }[],
): Promise<RenderedChart[]> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const out: RenderedChart[] = [];
  for (const chart of charts) {
    const messages: string[] = [];
    const logger = collectingLogger(messages);
    // vega tags data rows in place, and the library's specs are frozen: render a copy.
    const spec = JSON.parse(JSON.stringify(chart.spec)) as never;
    const compiled = vegaLite.compile(spec, { logger: logger as never }).spec;
    const view = new vega.View(vega.parse(compiled), {
      renderer: 'none',
      logger: logger as never,
    });
    try {
      const svg = await view.toSVG();
      out.push({ id: chart.id, svg, warnings: messages });
    } finally {
      view.finalize();
    }
  }
  return out;
}
