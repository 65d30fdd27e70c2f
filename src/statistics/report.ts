// The work report (成绩单) written from the figures, in the seeds' own style and
// order: 建功立业, 维权维稳, 关心关爱, 文化文明, 基层基础 — each section a short
// paragraph of sentences carrying the figures, numbers written the Chinese way,
// sections with no activity left out, and a table appendix. The same report
// object feeds JSON, Word and Excel, so the numbers cannot differ.
import { formatChineseAmount, formatChineseCount, parseYuan } from '../core/money.ts';
import { daysBetween } from '../core/dates.ts';
import type { Figure } from './figures.ts';
import type { Summary } from './stats.service.ts';

export const SECTIONS = ['建功立业', '维权维稳', '关心关爱', '文化文明', '基层基础'] as const;
export type SectionTitle = (typeof SECTIONS)[number];

const CULTURE = /culture|book|film|performance|reading|sport|文|书|影|演/i;

/** Which section a figure belongs to. */
export function sectionOf(area: string, key: string): SectionTitle {
  switch (area) {
    case 'honours': return '建功立业';
    case 'rights': return '维权维稳';
    case 'hardship': case 'mutual-aid': case 'mutualaid': return '关心关爱';
    case 'services': return CULTURE.test(key) ? '文化文明' : '关心关爱';
    default: return '基层基础';
  }
}

/** A figure's value the way the reviews write it: 347.5万元, 8.5万人次, 93.5%. */
export function formatFigure(f: Figure): string {
  if (f.value === null || f.value === undefined) return '—';
  if (f.unit === '%') return `${f.value}%`;
  if (f.unit === '元' || f.unit.endsWith('元')) return formatChineseAmount(parseYuan(String(f.value)), f.unit);
  return formatChineseCount(Number(f.value), f.unit);
}

function isZero(f: Figure): boolean {
  if (f.value === null || f.value === undefined) return true;
  if (typeof f.value === 'string') return parseYuan(f.value) === 0n;
  return f.value === 0;
}

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 五年来, 2025年, or 2025年1月1日至6月30日. */
export function periodPhrase(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fm === 1 && fd === 1 && tm === 12 && td === 31) {
    const years = ty - fy + 1;
    if (years === 1) return `${fy}年`;
    if (years <= 10) return `${NUMERALS[years]}年来`;
    return `${years}年来`;
  }
  const days = daysBetween(from, to);
  if (days > 360 * 4 && days < 370 * 5 + 2) return '五年来';
  return `${fy}年${fm}月${fd}日至${ty === fy ? '' : `${ty}年`}${tm}月${td}日`;
}

export function dateCN(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === 12 && d === 31) return `${y}年底`;
  return `${y}年${m}月${d}日`;
}

/** 全省, 全市, 全区, 全县, 全镇, 全街道, 本单位. */
export function scopePhrase(org: { name: string; kind: string }): string {
  switch (org.kind) {
    case 'province': return '全省';
    case 'city': return '全市';
    case 'county': return /区总工会$/.test(org.name) ? '全区' : /县总工会$/.test(org.name) ? '全县' : '全市';
    case 'township': return /街道/.test(org.name) ? '全街道' : '全镇';
    case 'base': return '本单位';
    default: return '本会';
  }
}

export interface ReportSection { title: SectionTitle; paragraphs: string[]; figures: Figure[] }
export interface WorkReport {
  title: string;
  org: Summary['org'];
  from: string;
  to: string;
  sections: ReportSection[];
  /** Every figure, in section order: the table appendix. */
  table: Array<{ section: SectionTitle; key: string; label: string; value: Figure['value']; unit: string; text: string; kind: string; definition: string }>;
}

export function buildReport(s: Summary): WorkReport {
  const when = periodPhrase(s.from, s.to);
  const where = scopePhrase(s.org);
  const grouped = new Map<SectionTitle, Figure[]>();
  for (const a of s.areas) for (const f of a.figures) {
    const sec = sectionOf(a.area, f.key);
    grouped.set(sec, [...(grouped.get(sec) ?? []), f]);
  }
  const sections: ReportSection[] = [];
  for (const title of SECTIONS) {
    const figures = (grouped.get(title) ?? []).filter((f) => !isZero(f));
    if (figures.length === 0) continue; // no activity: the section is left out
    const flows = figures.filter((f) => f.kind === 'flow');
    const stocks = figures.filter((f) => f.kind === 'stock');
    const paragraphs: string[] = [];
    const sentences: string[] = [];
    if (flows.length) sentences.push(`${when},${where}各级工会共${flows.map((f) => `${f.label}${formatFigure(f)}`).join(',')}。`);
    if (stocks.length) sentences.push(`截至${dateCN(s.to)},${where}${stocks.map((f) => `${f.label}${formatFigure(f)}`).join(',')}。`);
    paragraphs.push(sentences.join(''));
    sections.push({ title, paragraphs, figures });
  }
  const table = sections.flatMap((sec) => sec.figures.map((f) => ({ section: sec.title, key: f.key, label: f.label, value: f.value, unit: f.unit, text: formatFigure(f), kind: f.kind === 'flow' ? '期间累计' : '期末数', definition: f.definition })));
  return { title: `${s.org.name}工作成绩单(${when === '五年来' ? `${s.from.slice(0, 4)}—${s.to.slice(0, 4)}年` : when})`, org: s.org, from: s.from, to: s.to, sections, table };
}
