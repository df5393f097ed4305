/**
 * The shape of a CFO briefing: plain, JSON-serialisable data that any renderer (the command line's
 * HTML and Markdown pages, a notebook, a slide generator) turns into a document. Text is written for
 * a reader who has not seen the code; every figure carries its unit.
 */
import type { VegaLiteSpec } from './charts/spec.js';

/** One figure as presented: a label, the value with its unit, and an optional note. */
export interface BriefingFigure {
  /** Stable identifier (`customerEquity`, `clvToCac`...). */
  readonly id: string;
  readonly label: string;
  /** The value as a reader sees it: `$1,234,568`, `12.3%`, `3.09×`, `4,980 customers`. */
  readonly value: string;
  /** A short qualification: an interval, a comparison, the basis. */
  readonly note?: string;
}

/** A table: column headings and rows of presented cells. */
export interface BriefingTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  /** Alignment per column (numbers right). */
  readonly align: readonly ('left' | 'right')[];
  readonly rows: readonly (readonly string[])[];
  /** A note under the table. */
  readonly note?: string;
}

/** A chart: its Vega-Lite specification with the data inlined, and what it shows in words. */
export interface BriefingChart {
  /** Stable identifier, also the file name of the rendered chart (`equity-waterfall`). */
  readonly id: string;
  readonly title: string;
  /** One or two sentences under the chart: how to read it. */
  readonly caption: string;
  readonly spec: VegaLiteSpec;
}

/** A section of the briefing: a question a CFO asks and its answer. */
export interface BriefingSection {
  readonly id: string;
  readonly title: string;
  /** The answer in one or two sentences, figures included. */
  readonly lead: string;
  /** Paragraphs of plain text; `**bold**` marks the terms a paragraph defines. */
  readonly paragraphs: readonly string[];
  readonly figures: readonly BriefingFigure[];
  /** Ids of the section's charts, in order. */
  readonly charts: readonly string[];
  readonly tables: readonly BriefingTable[];
}

/** One customer's valuation, for a per-customer file. Money as decimal strings. */
export interface BriefingCustomer {
  readonly customerId: string;
  readonly probabilityAlive: number;
  readonly expectedPurchasesNextYear: number;
  readonly expectedSpend: number;
  /** Residual lifetime value (exact decimal string in the briefing's currency). */
  readonly clv: string;
}

/** What a step of the briefing reports while it runs. */
export interface BriefingProgress {
  /** `'summarise'`, `'fit'`, `'holdout'`, `'value'`, `'ledger'`, `'retention'`, `'cx'`. */
  readonly step: string;
  /** What the step does, in words. */
  readonly label: string;
  /** 1-based index of the step and the number of steps. */
  readonly index: number;
  readonly total: number;
}

/** A finished briefing. */
export interface Briefing {
  readonly title: string;
  readonly subtitle: string;
  readonly currency: string;
  /** The key figures, for the top of the page. */
  readonly headline: readonly BriefingFigure[];
  readonly sections: readonly BriefingSection[];
  readonly charts: readonly BriefingChart[];
  /** Every assumption the figures rest on, stated. */
  readonly assumptions: readonly BriefingFigure[];
  /** Notes on method and caveats, in plain words. */
  readonly notes: readonly string[];
  /** The figures as numbers and exact decimal strings, for other programs (JSON-serialisable). */
  readonly numbers: Readonly<Record<string, unknown>>;
  /** Per-customer values, in the summary's order. */
  readonly customers: readonly BriefingCustomer[];
}
