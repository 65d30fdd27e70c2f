// 审计日志: who did what, when, to which record, with before/after; and the
// check of the SM3 hash chain that shows whether any entry was altered.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, type AuditEntry, type ChainCheck, type Query } from '../api';
import { useAuth } from '../auth';
import { useCurrentOrg } from '../currentOrg';
import { useShowError } from '../components/errors';
import { DetailView, FieldDiff } from '../components/FieldDiff';
import { PagedTable } from '../components/PagedTable';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { KNOWN_ACTIONS, KNOWN_ENTITIES, useLabels } from '../labels';

interface Filters {
  username?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

const ACTION_COLORS: Record<string, string> = {
  create: 'green', update: 'blue', move: 'geekblue', dissolve: 'volcano', restore: 'cyan', delete: 'red',
  login: 'default', logout: 'default', login_failed: 'orange', locked: 'red', unlock: 'gold',
  password_change: 'purple', password_reset: 'purple', reveal: 'magenta', export: 'gold', import: 'lime',
};

function toQuery(f: Filters): Query {
  return {
    username: f.username?.trim() || undefined,
    action: f.action || undefined,
    entity: f.entity || undefined,
    entityId: f.entityId?.trim() || undefined,
    from: f.dates?.[0]?.format('YYYY-MM-DD'),
    to: f.dates?.[1]?.format('YYYY-MM-DD'),
    q: f.q?.trim() || undefined,
  };
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const hasDetail = entry.detail !== null && entry.detail !== undefined;
  return (
    <div className="audit-detail">
      {(entry.before != null || entry.after != null) && (
        <>
          <Typography.Title level={5}>{t('audit.changes')}</Typography.Title>
          <FieldDiff before={entry.before} after={entry.after} />
        </>
      )}
      {hasDetail && (
        <>
          <Typography.Title level={5} style={{ marginTop: entry.before != null || entry.after != null ? 16 : 0 }}>{t('audit.detail')}</Typography.Title>
          <DetailView value={entry.detail} />
        </>
      )}
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: entry.before != null || entry.after != null || hasDetail ? 16 : 0 }}
        items={[
          { key: 'ip', label: t('audit.ip'), children: entry.ip ?? '—' },
          { key: 'hash', label: t('audit.hash'), children: <Typography.Text code copyable className="hash">{entry.hash}</Typography.Text> },
          { key: 'prev', label: t('audit.prevHash'), children: <Typography.Text code className="hash">{entry.prevHash}</Typography.Text> },
        ]}
      />
    </div>
  );
}

export function AuditPage() {
  const t = useT();
  const labels = useLabels();
  const { org } = useCurrentOrg();
  const { can } = useAuth();
  const showError = useShowError();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Query>({});
  const verify = useMutation({
    mutationFn: () => api.get<ChainCheck>('/api/audit-log/verify'),
    onError: (e) => showError(e),
  });

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', render: (v: string) => <span className="nowrap">{formatDateTime(v)}</span> },
    { title: t('audit.user'), dataIndex: 'username', key: 'username', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
    { title: t('audit.org'), dataIndex: 'orgName', key: 'orgName', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'), dataIndex: 'action', key: 'action',
      render: (a: string) => <Tag color={ACTION_COLORS[a] ?? 'default'} title={a}>{labels.action(a)}</Tag>,
    },
    { title: t('audit.entity'), dataIndex: 'entity', key: 'entity', render: (e: string) => <span title={e}>{labels.entity(e)}</span> },
    {
      title: t('audit.entityId'), dataIndex: 'entityId', key: 'entityId',
      render: (v: string | null, e) => (v && e.entity === 'org' && can('org:read')
        ? <Link to={`/orgs?org=${encodeURIComponent(v)}`} onClick={(ev) => ev.stopPropagation()}>{v}</Link>
        : v ?? '—'),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
  ];

  const check = verify.data;
  return (
    <div className="page">
      <Card
        className="page-card"
        title={t('menu.audit')}
        extra={(
          <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        )}
      >
        {check && (
          <Alert
            data-testid="audit-verify-result"
            type={check.ok ? 'success' : 'error'}
            showIcon
            closable={{ onClose: () => verify.reset() }}
            style={{ marginBottom: 16 }}
            title={check.ok
              ? t('audit.verifyOk', { n: check.checked })
              : check.brokenAt !== undefined
                ? t('audit.verifyBroken', { id: check.brokenAt, n: check.checked })
                : t('audit.verifyBrokenUnknown', { n: check.checked })}
          />
        )}
        <Form<Filters> form={form} className="filter-form" labelCol={{ flex: '76px' }} labelWrap onFinish={(v) => setFilters(toQuery(v))}>
          <div className="filter-grid">
            <Form.Item name="username" label={t('audit.user')}>
              <Input allowClear data-testid="audit-username" />
            </Form.Item>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('audit.anyAction')}
                options={KNOWN_ACTIONS.map((a) => ({ value: a, label: labels.action(a) }))}
              />
            </Form.Item>
            <Form.Item name="entity" label={t('audit.entity')}>
              <Select allowClear placeholder={t('audit.anyEntity')} options={KNOWN_ENTITIES.map((e) => ({ value: e, label: labels.entity(e) }))} />
            </Form.Item>
            <Form.Item name="entityId" label={t('audit.entityId')}>
              <Input allowClear />
            </Form.Item>
            <Form.Item name="dates" label={t('audit.dateRange')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="q" label={t('audit.q')}>
              <Input allowClear placeholder={t('audit.qPlaceholder')} />
            </Form.Item>
            <div className="filter-buttons">
              <Space>
                <Button onClick={() => { form.resetFields(); setFilters({}); }}>{t('common.reset')}</Button>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">{t('common.search')}</Button>
              </Space>
            </div>
          </div>
        </Form>
        <PagedTable<AuditEntry>
          queryKey={['audit', 'list']}
          path="/api/audit-log"
          params={{ orgId: org?.id, ...filters }}
          enabled={!!org}
          columns={columns}
          testId="audit-table"
          expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} />, expandRowByClick: true }}
        />
      </Card>
    </div>
  );
}
