/**
 * What the chart builders share: the Vega-Lite specification type (plain JSON, so that this module
 * needs no Vega-Lite import and the library stays free of it), the schema URL, the house colours
 * and the common configuration. A spec built here renders as it is in a notebook, in Observable or
 * with the `vega-lite` package.
 */

/**
 * A Vega-Lite specification (https://vega.github.io/vega-lite/): plain, JSON-serialisable data with
 * its values inlined. Typed loosely on purpose: the library does not depend on Vega-Lite's types.
 */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** The Vega-Lite schema the specs are written against. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The house colours: ink, gains, losses, neutral. */
export const COLORS = Object.freeze({
  ink: '#1b2a41',
  total: '#1f3b63',
  gain: '#2e7d32',
  loss: '#c62828',
  neutral: '#8a94a6',
  accent: '#e07b00',
  model: '#1f77b4',
  actual: '#222222',
});

/** Common options of every spec builder. */
export interface ChartOptions {
  /** The chart's title (each builder has a default). */
  readonly title?: string;
  /** Width of the plotting area in pixels (default 640). */
  readonly width?: number;
  /** Height of the plotting area in pixels (default 280). */
  readonly height?: number;
}

/** The configuration every spec carries: fonts, axes and view, so they look alike anywhere. */
export function baseConfig(): Record<string, unknown> {
  return {
    font: 'Helvetica, Arial, sans-serif',
    view: { stroke: null },
    axis: {
      labelColor: COLORS.ink,
      titleColor: COLORS.ink,
      gridColor: '#e6e9ef',
      domainColor: '#9aa3b2',
      tickColor: '#9aa3b2',
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: 'normal',
    },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
    title: { fontSize: 14, fontWeight: 'bold', color: COLORS.ink, anchor: 'start' },
  };
}

/** The frame of a spec: schema, title, size, config. */
export function frame(
  options: ChartOptions,
  defaults: { readonly title: string; readonly width?: number; readonly height?: number },
): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? defaults.title,
    width: options.width ?? defaults.width ?? 640,
    height: options.height ?? defaults.height ?? 280,
    config: baseConfig(),
  };
}

/**
 * A Vega expression that formats a number of currency units compactly (`$1.2M`, `$450k`) for axis
 * labels. Axis labels are approximate by nature; exact figures are in the tables.
 */
export function compactMoneyExpression(currency: string, field = 'datum.value'): string {
  const symbol =
    currency === 'USD'
      ? '$'
      : currency === 'EUR'
        ? '€'
        : currency === 'GBP'
          ? '£'
          : currency === 'JPY'
            ? '¥'
            : `${currency} `;
  const s = JSON.stringify(symbol);
  return `(${field} < 0 ? '\u2212' : '') + ${s} + (abs(${field}) >= 1e6 ? format(abs(${field}) / 1e6, '.3~r') + 'M' : abs(${field}) >= 1e3 ? format(abs(${field}) / 1e3, '.3~r') + 'k' : format(abs(${field}), '.3~r'))`;
}
