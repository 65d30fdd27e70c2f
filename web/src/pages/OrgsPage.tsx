// 工会组织: the current union's details, its direct sub-unions, and a
// searchable list of everything beneath it, with the changes an organisation
// officer (org:write) may make.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Grid, Empty, Input, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SearchOutlined } from '@ant-design/icons';
import type { Org } from '../api';
import { useCurrentOrg } from '../currentOrg';
import { ErrorAlert } from '../components/errors';
import { OrgActions, OrgStatusTag, useOrgDialogs, type OrgDialog } from '../components/orgDialogs';
import { PagedTable } from '../components/PagedTable';
import { useDebounced } from '../components/useDebounced';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { orgQueries } from '../queries';

interface Dialogs {
  open(d: OrgDialog): void;
  restore(org: Org): void;
}

function useOrgColumns(dialogs: Dialogs, opts: { withChildCount: boolean }): ColumnsType<Org> {
  const t = useT();
  const labels = useLabels();
  const { setOrg } = useCurrentOrg();
  const wide = Grid.useBreakpoint().md !== false;
  return [
    {
      title: t('org.name'), dataIndex: 'name', key: 'name',
      render: (name: string, o) => (o.status === 'active'
        ? <a className="cell-ellipsis" onClick={() => setOrg(opts.withChildCount ? o : o.id)} title={name}>{name}</a>
        : <Typography.Text type="secondary" className="cell-ellipsis" title={name}>{name}</Typography.Text>),
    },
    { title: t('org.kind'), dataIndex: 'kind', key: 'kind', render: (k: string, o) => labels.kind(k, o.kindLabel) },
    { title: t('org.divisionCode'), dataIndex: 'divisionCode', key: 'divisionCode', render: (v: string | null) => v ?? '—' },
    ...(opts.withChildCount ? [{ title: t('org.childCount'), dataIndex: 'childCount', key: 'childCount', align: 'right' as const }] : []),
    { title: t('org.status'), dataIndex: 'status', key: 'status', render: (s: string) => <OrgStatusTag status={s} /> },
    { title: t('org.establishedOn'), dataIndex: 'establishedOn', key: 'establishedOn', render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'), key: 'actions', fixed: wide ? 'right' as const : undefined,
      render: (_: unknown, o) => <OrgActions org={o} open={dialogs.open} restore={dialogs.restore} />,
    },
  ];
}

function OrgDetails({ org, dialogs, isScopeRoot }: { org: Org; dialogs: Dialogs; isScopeRoot: boolean }) {
  const t = useT();
  const labels = useLabels();
  const items = [
    { key: 'name', label: t('org.name'), children: org.name },
    { key: 'kind', label: t('org.kind'), children: labels.kind(org.kind, org.kindLabel) },
    { key: 'divisionCode', label: t('org.divisionCode'), children: org.divisionCode ?? '—' },
    { key: 'status', label: t('org.status'), children: <OrgStatusTag status={org.status} /> },
    { key: 'establishedOn', label: t('org.establishedOn'), children: org.establishedOn ?? '—' },
    { key: 'childCount', label: t('org.childCount'), children: org.childCount },
    ...(org.status !== 'active' ? [
      { key: 'dissolvedOn', label: t('org.dissolvedOn'), children: org.dissolvedOn ?? '—' },
      { key: 'dissolveReason', label: t('org.dissolveReason'), children: org.dissolveReason ?? '—' },
    ] : []),
  ];
  return (
    <Card title={<Space wrap><span>{org.name}</span><OrgStatusTag status={org.status} /></Space>} className="page-card" data-testid="org-details">
      <div className="card-toolbar">
        <OrgActions org={org} open={dialogs.open} restore={dialogs.restore} size="middle" withCreate isScopeRoot={isScopeRoot} />
      </div>
      <Descriptions items={items} column={{ xs: 1, sm: 2, lg: 3 }} size="small" />
    </Card>
  );
}

function ChildrenCard({ org, dialogs }: { org: Org; dialogs: Dialogs }) {
  const t = useT();
  const [showDissolved, setShowDissolved] = useState(false);
  const children = useQuery(orgQueries.children(org.id, showDissolved));
  const columns = useOrgColumns(dialogs, { withChildCount: true });
  return (
    <Card
      title={t('org.children')}
      className="page-card"
      extra={(
        <Space>
          <Typography.Text type="secondary">{t('org.showDissolved')}</Typography.Text>
          <Switch size="small" checked={showDissolved} onChange={setShowDissolved} data-testid="show-dissolved" />
        </Space>
      )}
    >
      {children.isError && <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />}
      <Table<Org>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={children.data?.items ?? []}
        loading={children.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 'max-content' }}
        rowClassName={(o) => (o.status === 'active' ? '' : 'row-dissolved')}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noChildren')} /> }}
        data-testid="org-children"
      />
    </Card>
  );
}

function SubtreeCard({ org, dialogs }: { org: Org; dialogs: Dialogs }) {
  const t = useT();
  const labels = useLabels();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<'active' | 'dissolved'>('active');
  const columns = useOrgColumns(dialogs, { withChildCount: false });
  return (
    <Card title={t('org.subtree')} className="page-card">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input allowClear prefix={<SearchOutlined />} placeholder={t('org.subtreeSearch')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} data-testid="org-subtree-search" />
        <Select
          allowClear
          placeholder={t('org.allKinds')}
          value={kind}
          onChange={setKind}
          style={{ width: 200 }}
          options={labels.kinds.map((k) => ({ value: k.name, label: labels.kind(k.name) }))}
        />
        <Select
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={[{ value: 'active', label: labels.orgStatus('active') }, { value: 'dissolved', label: labels.orgStatus('dissolved') }]}
        />
      </Space>
      <PagedTable<Org>
        queryKey={['orgs', 'list']}
        path="/api/orgs"
        params={{ orgId: org.id, q, kind, status }}
        columns={columns}
        testId="org-subtree"
        rowClassName={(o) => (o.status === 'active' ? '' : 'row-dissolved')}
      />
    </Card>
  );
}

export function OrgsPage() {
  const { org, root } = useCurrentOrg();
  const dialogs = useOrgDialogs();
  if (!org) return <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>;
  return (
    <div className="page">
      <OrgDetails org={org} dialogs={dialogs} isScopeRoot={org.id === root?.id} />
      <ChildrenCard org={org} dialogs={dialogs} />
      <SubtreeCard org={org} dialogs={dialogs} />
      {dialogs.element}
    </div>
  );
}
