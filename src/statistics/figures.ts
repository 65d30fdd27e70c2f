// Every figure the platform reports is computed here from the records, in one
// way, wherever it is shown (screen, Word, Excel, API). Each domain area
// registers a source that computes its figures for a union's subtree and a
// period; the statistics area (summary API, dashboard, work report) asks them.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface FigureQuery {
  /** The union whose subtree is counted (its materialised path, e.g. '/1/12/'). */
  orgId: number;
  orgPath: string;
  /** The period, inclusive ISO dates; stocks are taken at `to`. */
  from: string;
  to: string;
}

export interface Figure {
  /** Stable key, e.g. 'hardship.aid.amount'. */
  key: string;
  /** Chinese label as the seeds word it, e.g. '发放救助资金'. */
  label: string;
  /** '人', '户', '件', '元', '%', '家', '人次'… */
  unit: string;
  /** A count as a number; money as a decimal string in yuan ('347.50'); a rate as a number (percent, one decimal) or null. */
  value: number | string | null;
  /** 'flow': happened within the period; 'stock': stands at the period's end. */
  kind: 'flow' | 'stock';
  /** How it is computed, in Chinese, for the reader. */
  definition: string;
}

export interface FigureSource {
  area: string;
  /** The Chinese name of the area, e.g. '困难帮扶'. */
  label: string;
  compute(db: Kysely<DB>, q: FigureQuery): Promise<Figure[]>;
}

export const FIGURE_SOURCES: FigureSource[] = [];

/** Called once by each area at module load. */
export function registerFigures(source: FigureSource): void {
  if (!FIGURE_SOURCES.some((s) => s.area === source.area)) FIGURE_SOURCES.push(source);
}
