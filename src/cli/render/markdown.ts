/**
 * The briefing as Markdown (GitHub-flavoured: tables, images), with the charts linked as SVG files
 * in `charts/` beside it: for a repository, a wiki, or a notebook's markdown cell.
 */
import type { Briefing, BriefingTable } from '../../report/briefing-types.js';
import type { PageMeta } from './html.js';

/** Escapes the characters that would break a table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function markdownTable(t: BriefingTable): string {
  const head = `| ${t.columns.map(cell).join(' | ')} |`;
  const rule = `|${t.align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
  return [
    `**${t.title}**`,
    '',
    head,
    rule,
    ...rows,
    ...(t.note === undefined ? [] : ['', `_${t.note}_`]),
  ].join('\n');
}

/** The briefing as one Markdown document; chart images point at `charts/<id>.svg`. */
export function renderMarkdown(briefing: Briefing, meta: PageMeta): string {
  const chartsById = new Map(briefing.charts.map((c) => [c.id, c]));
  const out: string[] = [`# ${briefing.title}`, '', briefing.subtitle, ''];
  out.push('| Key figure | Value | |', '| --- | ---: | --- |');
  for (const f of briefing.headline)
    out.push(`| ${cell(f.label)} | ${cell(f.value)} | ${cell(f.note ?? '')} |`);
  out.push('');
  for (const s of briefing.sections) {
    out.push(`## ${s.title}`, '', s.lead, '');
    if (s.figures.length > 0) {
      for (const f of s.figures)
        out.push(`- **${f.label}:** ${f.value}${f.note === undefined ? '' : ` (${f.note})`}`);
      out.push('');
    }
    for (const id of s.charts) {
      const c = chartsById.get(id);
      if (c === undefined) continue;
      out.push(`![${c.title}](charts/${id}.svg)`, '', `_${c.caption}_`, '');
    }
    for (const p of s.paragraphs) out.push(p, '');
    for (const t of s.tables) out.push(markdownTable(t), '');
  }
  out.push('## Assumptions and method', '');
  out.push(
    markdownTable({
      id: 'assumptions',
      title: 'What the figures assume',
      columns: ['Assumption', 'Value', 'Detail'],
      align: ['left', 'left', 'left'],
      rows: briefing.assumptions.map((f) => [f.label, f.value, f.note ?? '']),
    }),
    '',
  );
  for (const n of briefing.notes) out.push(`- ${n}`);
  out.push(
    '',
    `_Made by customer-asset ${meta.version} on ${meta.generated} from ${meta.source}. Charts: Vega-Lite specifications in charts/*.vl.json, rendered to charts/*.svg; figures in briefing.json; every customer's value in customers.csv._`,
    '',
  );
  return out.join('\n');
}
