// Times are shown in China time (UTC+8) whatever the browser's zone is: the
// platform's dates are China dates.

const CHINA_TZ = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: CHINA_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** '2026-11-23 19:22:58' in China time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  if (!p) return iso;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** '2026-11-23 19:22' in China time. */
export function formatDateTimeShort(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 16);
}

/** 'HH:mm' in China time, with the date when it is not today (China date). */
export function formatLockTime(iso: string): string {
  const p = parts(iso);
  const now = parts(new Date().toISOString());
  if (!p || !now) return iso;
  const sameDay = p.year === now.year && p.month === now.month && p.day === now.day;
  return sameDay ? `${p.hour}:${p.minute}` : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
