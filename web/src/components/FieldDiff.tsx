// Before/after of a record as a readable table of the fields that changed
// (with field names and coded values in words); anything that is not a plain
// object falls back to formatted JSON.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { orgQueries } from '../queries';

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function JsonBlock({ value }: { value: unknown }) {
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** A union by id: its name when it can be read, else the id. */
export function OrgName({ id }: { id: number }) {
  const q = useQuery({ ...orgQueries.detail(id), retry: false, staleTime: 60_000 });
  return <span title={`ID ${id}`}>{q.data ? q.data.name : `#${id}`}</span>;
}

const ORG_ID_FIELDS = new Set(['parentId', 'orgId']);

/** A value in words: statuses, kinds and roles by name; the rest as text. */
function useValueText() {
  const t = useT();
  const labels = useLabels();
  return (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
    const f = field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (f === 'status' && typeof v === 'string') return t.dyn('org.status.' + v, t.dyn('user.status.' + v, v));
    if (f === 'kind' && typeof v === 'string') return labels.kind(v);
    if (ORG_ID_FIELDS.has(f) && typeof v === 'number') return <OrgName id={v} />;
    if (f === 'roles' && Array.isArray(v)) return v.map((r) => <Tag key={String(r)}>{labels.role(String(r))}</Tag>);
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'object') return <code className="json-inline">{JSON.stringify(v)}</code>;
    return String(v);
  };
}

interface Row {
  field: string;
  before: unknown;
  after: unknown;
}

export function FieldDiff({ before, after, hide = [] }: { before: unknown; after: unknown; hide?: string[] }) {
  const t = useT();
  const labels = useLabels();
  const text = useValueText();
  const b = before ?? null;
  const a = after ?? null;
  if (b === null && a === null) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  if ((b !== null && !isPlain(b)) || (a !== null && !isPlain(a))) {
    return (
      <div className="diff-json">
        <div><Typography.Text strong>{t('audit.before')}</Typography.Text><JsonBlock value={b} /></div>
        <div><Typography.Text strong>{t('audit.after')}</Typography.Text><JsonBlock value={a} /></div>
      </div>
    );
  }
  const bo: Plain = b ?? {};
  const ao: Plain = a ?? {};
  const keys = [...new Set([...Object.keys(bo), ...Object.keys(ao)])];
  // For a change, only what changed; for a creation or a removal, everything.
  const rows: Row[] = keys
    .filter((k) => !hide.includes(k))
    .filter((k) => b === null || a === null || !same(bo[k], ao[k]))
    .map((k) => ({ field: k, before: bo[k], after: ao[k] }));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const columns = [
    { title: t('audit.field'), dataIndex: 'field', key: 'field', width: 160, render: (f: string) => <span title={f}>{labels.field(f)}</span> },
    ...(b !== null ? [{ title: t('audit.before'), key: 'before', render: (_: unknown, r: Row) => <span className={a !== null ? 'diff-before' : undefined}>{text(r.field, r.before)}</span> }] : []),
    ...(a !== null ? [{ title: t('audit.after'), key: 'after', render: (_: unknown, r: Row) => <span className={b !== null ? 'diff-after' : undefined}>{text(r.field, r.after)}</span> }] : []),
  ];
  return <Table<Row> size="small" rowKey="field" pagination={false} columns={columns} dataSource={rows} className="field-diff" />;
}

/** Extra facts of an entry (detail) as label: value pairs, or JSON. */
export function DetailView({ value }: { value: unknown }) {
  const labels = useLabels();
  const text = useValueText();
  if (value === null || value === undefined) return null;
  if (!isPlain(value)) return <JsonBlock value={value} />;
  return (
    <dl className="detail-list">
      {Object.entries(value).map(([k, v]) => (
        <div key={k}>
          <dt title={k}>{labels.field(k)}</dt>
          <dd>{text(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}
