// The numbers of a union and everything beneath it, for a period: every area's
// figures (FIGURE_SOURCES), the same period before for comparison, a breakdown
// by the unions one level down, and trends by month or year.
import type { AppContext } from '../context.ts';
import { fieldError } from '../core/errors.ts';
import { addDays, addMonths, daysBetween, monthsBetween, previousPeriod, todayCN } from '../core/dates.ts';
import { Scope, type Actor } from '../platform/scope.ts';
import { FIGURE_SOURCES, type Figure, type FigureQuery, type FigureSource } from './sources.ts';

export interface AreaFigures { area: string; label: string; figures: Figure[] }
export interface Summary {
  org: { id: number; name: string; kind: string; divisionCode: string | null };
  from: string;
  to: string;
  areas: AreaFigures[];
}

export function checkPeriod(from: string | undefined, to: string | undefined, today: string): { from: string; to: string } {
  const t = to ?? today;
  const f = from ?? `${t.slice(0, 4)}-01-01`;
  if (f > t) throw fieldError('from', 'PERIOD_INVERTED', '开始日期不能晚于结束日期', 'PERIOD_INVERTED');
  if (daysBetween(f, t) > 366 * 20) throw fieldError('from', 'PERIOD_TOO_LONG', '统计期间不能超过 20 年', 'PERIOD_TOO_LONG');
  return { from: f, to: t };
}

async function orgOf(ctx: AppContext, actor: Actor, orgId?: number) {
  const scope = Scope.of(actor);
  const sub = await scope.subtree(ctx.db, orgId);
  const row = await ctx.db.selectFrom('org').select(['id', 'name', 'kind', 'division_code', 'path']).where('id', '=', sub.id).executeTakeFirstOrThrow();
  return row;
}

function sourcesFor(key?: string): FigureSource[] {
  if (!key) return FIGURE_SOURCES;
  const area = key.split('.')[0];
  const found = FIGURE_SOURCES.filter((s) => s.area === area);
  if (found.length === 0) throw fieldError('key', 'FIGURE_UNKNOWN', `没有名为 ${key} 的统计指标`, 'FIGURE_UNKNOWN');
  return found;
}

export async function computeFigures(ctx: AppContext, q: FigureQuery, sources: FigureSource[] = FIGURE_SOURCES): Promise<AreaFigures[]> {
  const out: AreaFigures[] = [];
  for (const s of sources) out.push({ area: s.area, label: s.label, figures: await s.compute(ctx.db, q) });
  return out;
}

export async function summary(ctx: AppContext, actor: Actor, q: { orgId?: number; from?: string; to?: string }): Promise<Summary> {
  const org = await orgOf(ctx, actor, q.orgId);
  const period = checkPeriod(q.from, q.to, todayCN(ctx.clock.now()));
  const areas = await computeFigures(ctx, { orgId: org.id, orgPath: org.path, ...period });
  return { org: { id: org.id, name: org.name, kind: org.kind, divisionCode: org.division_code }, ...period, areas };
}

/** The same figures for the period and the one just before it. */
export async function summaryWithPrevious(ctx: AppContext, actor: Actor, q: { orgId?: number; from?: string; to?: string }) {
  const current = await summary(ctx, actor, q);
  const prev = previousPeriod(current.from, current.to);
  const previous = await summary(ctx, actor, { orgId: current.org.id, from: prev.from, to: prev.to });
  return { current, previous };
}

export function findFigure(areas: AreaFigures[], key: string): Figure | undefined {
  for (const a of areas) for (const f of a.figures) if (f.key === key) return f;
  return undefined;
}

/** One figure for each union one level down (click to drill down). */
export async function breakdown(ctx: AppContext, actor: Actor, q: { orgId?: number; from?: string; to?: string; key: string }) {
  const org = await orgOf(ctx, actor, q.orgId);
  const period = checkPeriod(q.from, q.to, todayCN(ctx.clock.now()));
  const sources = sourcesFor(q.key);
  const children = await ctx.db.selectFrom('org').select(['id', 'name', 'kind', 'division_code', 'path']).where('parent_id', '=', org.id).where('status', '=', 'active').orderBy('sort_order').orderBy('id').execute();
  const items = [];
  let figure: Figure | undefined;
  for (const c of children) {
    const areas = await computeFigures(ctx, { orgId: c.id, orgPath: c.path, ...period }, sources);
    const f = findFigure(areas, q.key);
    if (!f) throw fieldError('key', 'FIGURE_UNKNOWN', `没有名为 ${q.key} 的统计指标`, 'FIGURE_UNKNOWN');
    figure ??= f;
    items.push({ orgId: c.id, name: c.name, kind: c.kind, divisionCode: c.division_code, value: f.value });
  }
  return { org: { id: org.id, name: org.name }, ...period, key: q.key, label: figure?.label ?? q.key, unit: figure?.unit ?? '', items };
}

/** A figure month by month (or year by year) across the period. */
export async function trend(ctx: AppContext, actor: Actor, q: { orgId?: number; from?: string; to?: string; key: string; by?: 'month' | 'year' }) {
  const org = await orgOf(ctx, actor, q.orgId);
  const period = checkPeriod(q.from, q.to, todayCN(ctx.clock.now()));
  const sources = sourcesFor(q.key);
  const buckets: Array<{ label: string; from: string; to: string }> = [];
  if ((q.by ?? 'month') === 'year') {
    for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) {
      buckets.push({ label: String(y), from: `${y}-01-01` < period.from ? period.from : `${y}-01-01`, to: `${y}-12-31` > period.to ? period.to : `${y}-12-31` });
    }
  } else {
    const months = monthsBetween(period.from, period.to);
    if (months.length > 120) throw fieldError('by', 'TREND_TOO_LONG', '按月趋势最多 120 个月,请改为按年', 'TREND_TOO_LONG');
    for (const m of months) {
      const start = `${m}-01`;
      const last = addDays(addMonths(start, 1), -1);
      buckets.push({ label: m, from: start < period.from ? period.from : start, to: last > period.to ? period.to : last });
    }
  }
  const points = [];
  let figure: Figure | undefined;
  for (const b of buckets) {
    const areas = await computeFigures(ctx, { orgId: org.id, orgPath: org.path, from: b.from, to: b.to }, sources);
    const f = findFigure(areas, q.key);
    if (!f) throw fieldError('key', 'FIGURE_UNKNOWN', `没有名为 ${q.key} 的统计指标`, 'FIGURE_UNKNOWN');
    figure ??= f;
    points.push({ period: b.label, from: b.from, to: b.to, value: f.value });
  }
  return { org: { id: org.id, name: org.name }, ...period, key: q.key, label: figure?.label ?? q.key, unit: figure?.unit ?? '', kind: figure?.kind ?? 'flow', points };
}
