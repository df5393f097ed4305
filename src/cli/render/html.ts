/**
 * The briefing as one self-contained HTML page: styles inline, charts inline as SVG, no script and
 * no external resource, so it opens from disk, prints, and can be mailed as one file.
 */
import type { Briefing, BriefingFigure, BriefingTable } from '../../report/briefing-types.js';
import { scopeSvgIds } from './svg.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Escaped text with `**bold**` turned into `<strong>`. */
function inline(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

const STYLE = `
:root { --ink: #1b2a41; --muted: #5b6577; --rule: #e3e7ee; --navy: #1f3b63; --bg: #f6f8fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: white; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 64px; }
header.top { border-bottom: 3px solid var(--navy); padding-bottom: 16px; margin-bottom: 24px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; }
.subtitle { color: var(--muted); margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 20px 0 8px; }
.card { background: var(--bg); border: 1px solid var(--rule); border-radius: 8px; padding: 12px 14px; }
.card .label { font-size: 13px; color: var(--muted); }
.card .value { font-size: 22px; font-weight: 700; color: var(--navy); margin-top: 2px; }
.card .note { font-size: 12px; color: var(--muted); margin-top: 2px; }
nav.toc { font-size: 14px; margin: 12px 0 28px; }
nav.toc a { color: var(--navy); margin-right: 14px; white-space: nowrap; }
section { margin: 40px 0; padding-top: 8px; border-top: 1px solid var(--rule); }
h2 { font-size: 23px; margin: 12px 0 10px; }
p.lead { font-size: 18px; line-height: 1.5; font-weight: 500; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 8px 20px; margin: 16px 0; padding: 0; }
.figures div { border-left: 3px solid var(--navy); padding: 2px 10px; }
.figures dt { font-size: 13px; color: var(--muted); }
.figures dd { margin: 0; font-size: 17px; font-weight: 700; }
.figures dd small { display: block; font-weight: 400; font-size: 12px; color: var(--muted); }
figure.chart { margin: 24px 0; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 14px; color: var(--muted); margin-top: 6px; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0; width: 100%; }
caption { text-align: left; font-weight: 700; padding: 6px 0; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: 16px 0; }
.table-note { font-size: 13px; color: var(--muted); margin: 4px 0 0; }
footer { margin-top: 48px; font-size: 13px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 12px; }
@media print { section { break-inside: avoid-page; } .table-wrap { overflow: visible; } }
`;

function card(f: BriefingFigure): string {
  return `<div class="card" data-figure="${escapeHtml(f.id)}"><div class="label">${escapeHtml(f.label)}</div><div class="value">${escapeHtml(f.value)}</div>${
    f.note === undefined ? '' : `<div class="note">${escapeHtml(f.note)}</div>`
  }</div>`;
}

function figures(list: readonly BriefingFigure[]): string {
  if (list.length === 0) return '';
  const items = list
    .map(
      (f) =>
        `<div data-figure="${escapeHtml(f.id)}"><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}${
          f.note === undefined ? '' : `<small>${escapeHtml(f.note)}</small>`
        }</dd></div>`,
    )
    .join('');
  return `<dl class="figures">${items}</dl>`;
}

function htmlTable(t: BriefingTable): string {
  const cls = (i: number) => (t.align[i] === 'right' ? ' class="num"' : '');
  const head = t.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c)}</th>`).join('');
  const body = t.rows
    .map(
      (row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  const note = t.note === undefined ? '' : `<p class="table-note">${escapeHtml(t.note)}</p>`;
  return `<div class="table-wrap"><table id="table-${escapeHtml(t.id)}"><caption>${escapeHtml(t.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${note}</div>`;
}

/** Facts about the run, printed in the page's footer. */
export interface PageMeta {
  /** When the briefing was made (ISO date-time). */
  readonly generated: string;
  /** The library's version. */
  readonly version: string;
  /** Where the data came from (a file name, or "the built-in sample"). */
  readonly source: string;
}

/**
 * The briefing as one HTML document. `svgs` maps each chart id to its SVG (from `renderSvgs`); the
 * ids inside each SVG are scoped to the chart so that the inlined charts cannot collide.
 */
export function renderHtml(
  briefing: Briefing,
  svgs: ReadonlyMap<string, string>,
  meta: PageMeta,
): string {
  const chartsById = new Map(briefing.charts.map((c) => [c.id, c]));
  const toc = briefing.sections
    .map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`)
    .concat('<a href="#assumptions">Assumptions</a>')
    .join('');
  const sections = briefing.sections
    .map((s) => {
      const charts = s.charts
        .map((id) => {
          const c = chartsById.get(id);
          const svg = svgs.get(id);
          if (c === undefined || svg === undefined) return '';
          return `<figure class="chart" id="chart-${escapeHtml(id)}" data-chart="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(c.title)}">${scopeSvgIds(svg, id)}<figcaption>${inline(c.caption)}</figcaption></figure>`;
        })
        .join('');
      return `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2><p class="lead">${inline(s.lead)}</p>${figures(s.figures)}${charts}${s.paragraphs
        .map((p) => `<p>${inline(p)}</p>`)
        .join('')}${s.tables.map(htmlTable).join('')}</section>`;
    })
    .join('\n');
  const assumptions = htmlTable({
    id: 'assumptions',
    title: 'What the figures assume',
    columns: ['Assumption', 'Value', 'Detail'],
    align: ['left', 'left', 'left'],
    rows: briefing.assumptions.map((f) => [f.label, f.value, f.note ?? '']),
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="customer-asset ${escapeHtml(meta.version)}">
<title>${escapeHtml(briefing.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="top"><h1>${escapeHtml(briefing.title)}</h1><p class="subtitle">${escapeHtml(briefing.subtitle)}</p>
<div class="cards">${briefing.headline.map(card).join('')}</div></header>
<nav class="toc" aria-label="Contents">${toc}</nav>
${sections}
<section id="assumptions"><h2>Assumptions and method</h2>${assumptions}<ul>${briefing.notes
    .map((n) => `<li>${inline(n)}</li>`)
    .join('')}</ul></section>
<footer>Made by customer-asset ${escapeHtml(meta.version)} on ${escapeHtml(meta.generated)} from ${escapeHtml(meta.source)}. The charts are Vega-Lite specifications (charts/*.vl.json beside this page) rendered to SVG; the figures are in briefing.json and every customer's value in customers.csv.</footer>
</main>
</body>
</html>
`;
}
