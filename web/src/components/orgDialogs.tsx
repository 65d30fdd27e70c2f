// The changes to the union tree, each in its own dialog: create a sub-union,
// rename/edit, move, dissolve, restore, and the history drawer. After any
// change every union query is invalidated, so the tree, breadcrumb and lists
// refresh together.
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Empty, Form, Input, Modal, Select, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { EditOutlined, HistoryOutlined, PlusOutlined, RollbackOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { api, type Org } from '../api';
import { useAuth } from '../auth';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { invalidateOrgs, orgQueries } from '../queries';
import { ErrorAlert, useShowError } from './errors';
import { FieldDiff } from './FieldDiff';
import { OrgPicker } from './OrgPicker';

export type OrgDialog =
  | { type: 'create'; parent: Org }
  | { type: 'edit'; org: Org }
  | { type: 'move'; org: Org }
  | { type: 'dissolve'; org: Org }
  | { type: 'history'; org: Org };

const DIVISION_RE = /^\d{6}(\d{3})?$/;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function OrgStatusTag({ status }: { status: string }) {
  const labels = useLabels();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{labels.orgStatus(status)}</Tag>;
}

function useOrgMutation<V>(fn: (v: V) => Promise<Org>, done: (org: Org) => void, form?: Parameters<ReturnType<typeof useShowError>>[1]) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (org) => {
      queryClient.setQueryData(orgQueries.detail(org.id).queryKey, org);
      await invalidateOrgs(queryClient);
      done(org);
    },
    onError: (e) => showError(e, form),
  });
}

function KindSelect(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const labels = useLabels();
  return <Select {...props} options={labels.kinds.map((k) => ({ value: k.name, label: labels.kind(k.name) }))} />;
}

interface OrgFormValues {
  name: string;
  kind: string;
  divisionCode?: string;
  establishedOn?: Dayjs | null;
}

function CreateOrgModal({ parent, onClose }: { parent: Org; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const create = useOrgMutation(
    (v: OrgFormValues) => api.post<Org>('/api/orgs', {
      parentId: parent.id,
      name: v.name.trim(),
      kind: v.kind,
      divisionCode: v.divisionCode?.trim() || undefined,
      establishedOn: day(v.establishedOn),
    }),
    (org) => {
      message.success(t('org.created', { name: org.name }));
      onClose();
    },
    form,
  );
  return (
    <Modal open title={t('org.createTitle', { name: parent.name })} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose}>
      <Form<OrgFormValues> form={form} layout="vertical" initialValues={{ kind: 'base', divisionCode: parent.divisionCode ?? '' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('org.nameRequired') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
          <KindSelect />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('org.divisionCode')} extra={t('org.divisionCodeHelp')} rules={[{ pattern: DIVISION_RE, message: t('org.divisionCodeInvalid') }]}>
          <Input maxLength={9} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="establishedOn" label={t('org.establishedOn')} extra={t('org.dateDefaultToday')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditOrgModal({ org, onClose }: { org: Org; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const save = useOrgMutation(
    (v: OrgFormValues) => {
      const body: Record<string, unknown> = {};
      if (v.name.trim() !== org.name) body.name = v.name.trim();
      if (v.kind !== org.kind) body.kind = v.kind;
      const code = v.divisionCode?.trim() || null;
      if (code !== org.divisionCode) body.divisionCode = code;
      return api.patch<Org>(`/api/orgs/${org.id}`, body);
    },
    () => {
      message.success(t('org.saved'));
      onClose();
    },
    form,
  );
  return (
    <Modal open title={t('org.editTitle', { name: org.name })} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose}>
      <Form<OrgFormValues> form={form} layout="vertical" initialValues={{ name: org.name, kind: org.kind, divisionCode: org.divisionCode ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('org.nameRequired') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
          <KindSelect />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('org.divisionCode')} extra={t('org.divisionCodeHelp')} rules={[{ pattern: DIVISION_RE, message: t('org.divisionCodeInvalid') }]}>
          <Input maxLength={9} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveOrgModal({ org, onClose }: { org: Org; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: number; effectiveOn?: Dayjs | null }>();
  const move = useOrgMutation(
    (v: { parentId: number; effectiveOn?: Dayjs | null }) => api.post<Org>(`/api/orgs/${org.id}/move`, { parentId: v.parentId, effectiveOn: day(v.effectiveOn) }),
    () => {
      message.success(t('org.moved', { name: org.name }));
      onClose();
    },
    form,
  );
  // Not under itself or its own sub-unions, and not where it already is.
  const isDisabled = (o: Org) => o.path.startsWith(org.path) || o.id === org.parentId;
  return (
    <Modal open title={t('org.moveTitle', { name: org.name })} okText={t('org.move')} onOk={() => form.submit()} confirmLoading={move.isPending} onCancel={onClose}>
      <Form form={form} layout="vertical" onFinish={(v) => move.mutate(v)}>
        <Form.Item name="parentId" label={t('org.moveTarget')} rules={[{ required: true, message: t('org.moveTargetRequired') }]}>
          <OrgPicker isDisabled={isDisabled} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('org.moveEffectiveOn')} extra={t('org.dateDefaultToday')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DissolveOrgModal({ org, onClose }: { org: Org; onClose(): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string; date?: Dayjs | null }>();
  const dissolve = useOrgMutation(
    (v: { reason: string; date?: Dayjs | null }) => api.post<Org>(`/api/orgs/${org.id}/dissolve`, { reason: v.reason.trim(), date: day(v.date) }),
    () => {
      message.success(t('org.dissolved', { name: org.name }));
      onClose();
    },
    form,
  );
  const confirm = (v: { reason: string; date?: Dayjs | null }) => {
    modal.confirm({
      title: t('org.dissolveConfirm', { name: org.name }),
      content: v.reason,
      okText: t('org.dissolve'),
      okButtonProps: { danger: true },
      onOk: () => dissolve.mutateAsync(v).catch(() => undefined),
    });
  };
  return (
    <Modal
      open
      title={t('org.dissolveTitle', { name: org.name })}
      okText={t('org.dissolve')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      confirmLoading={dissolve.isPending}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('org.dissolveHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={confirm}>
        <Form.Item name="reason" label={t('org.dissolveReason')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('org.dissolveReasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
        <Form.Item name="date" label={t('org.dissolvedOn')} extra={t('org.dateDefaultToday')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// Bookkeeping of the tree, not facts a person reads in a history.
const HISTORY_HIDDEN_FIELDS = ['path', 'depth', 'id', 'sortOrder', 'sort_order', 'childCount', 'kindLabel'];

function HistoryDrawer({ org, onClose }: { org: Org; onClose(): void }) {
  const t = useT();
  const labels = useLabels();
  const history = useQuery(orgQueries.history(org.id));
  return (
    <Drawer open title={t('org.historyTitle', { name: org.name })} onClose={onClose} size={640}>
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.isPending && <div style={{ textAlign: 'center', padding: 32 }}><Spin /></div>}
      {history.data && history.data.items.length === 0 && <Empty description={t('org.historyEmpty')} />}
      {history.data && history.data.items.length > 0 && (
        <Timeline
          items={history.data.items.map((h) => ({
            key: h.id,
            color: h.action === 'dissolve' ? 'red' : h.action === 'restore' || h.action === 'create' ? 'green' : 'blue',
            content: (
              <div className="history-item">
                <div className="history-head">
                  <Typography.Text strong>{h.effectiveOn}</Typography.Text>
                  <Typography.Text strong>{labels.historyAction(h.action)}</Typography.Text>
                  <Typography.Text type="secondary" className="history-meta">
                    {t('org.historyBy')}: {h.username ?? t('audit.system')} · {t('org.recordedAt')} {formatDateTime(h.at)}
                  </Typography.Text>
                </div>
                <FieldDiff before={h.before} after={h.after} hide={HISTORY_HIDDEN_FIELDS} />
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

/** The dialogs of the union page, opened by `open(...)`, and restore (a confirmation). */
export function useOrgDialogs(): { open(d: OrgDialog): void; restore(org: Org): void; element: ReactNode } {
  const t = useT();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<OrgDialog | null>(null);
  const restoreMutation = useOrgMutation(
    (org: Org) => api.post<Org>(`/api/orgs/${org.id}/restore`),
    (org) => message.success(t('org.restored', { name: org.name })),
  );
  const close = () => setDialog(null);
  const restore = (org: Org) => {
    modal.confirm({
      title: t('org.restoreConfirm', { name: org.name }),
      okText: t('org.restore'),
      onOk: () => restoreMutation.mutateAsync(org).catch(() => undefined),
    });
  };
  let element: ReactNode = null;
  if (dialog?.type === 'create') element = <CreateOrgModal parent={dialog.parent} onClose={close} />;
  if (dialog?.type === 'edit') element = <EditOrgModal org={dialog.org} onClose={close} />;
  if (dialog?.type === 'move') element = <MoveOrgModal org={dialog.org} onClose={close} />;
  if (dialog?.type === 'dissolve') element = <DissolveOrgModal org={dialog.org} onClose={close} />;
  if (dialog?.type === 'history') element = <HistoryDrawer org={dialog.org} onClose={close} />;
  return { open: setDialog, restore, element };
}

/** The actions on one union, as its permissions and status allow. */
export function OrgActions({ org, open, restore, size = 'small', withCreate = false, isScopeRoot = false }: {
  org: Org;
  open(d: OrgDialog): void;
  restore(org: Org): void;
  size?: 'small' | 'middle';
  withCreate?: boolean;
  isScopeRoot?: boolean;
}) {
  const t = useT();
  const { can } = useAuth();
  const write = can('org:write');
  const type = size === 'small' ? 'link' : 'default';
  const active = org.status === 'active';
  const small = size === 'small';
  const icon = (node: ReactNode) => (small ? undefined : node);
  return (
    <Space size={small ? 0 : 8} wrap={!small} className="org-actions">
      {write && withCreate && active && (
        org.kind === 'base'
          ? <Tooltip title={t('org.baseNoChildren')}><Button size={size} type="primary" icon={<PlusOutlined />} disabled>{t('org.create')}</Button></Tooltip>
          : <Button size={size} type="primary" icon={<PlusOutlined />} onClick={() => open({ type: 'create', parent: org })}>{t('org.create')}</Button>
      )}
      {write && active && <Button size={size} type={type} icon={icon(<EditOutlined />)} onClick={() => open({ type: 'edit', org })}>{t('org.edit')}</Button>}
      {write && active && !isScopeRoot && <Button size={size} type={type} icon={icon(<SwapOutlined />)} onClick={() => open({ type: 'move', org })}>{t('org.move')}</Button>}
      {write && active && !isScopeRoot && <Button size={size} type={type} danger icon={icon(<StopOutlined />)} onClick={() => open({ type: 'dissolve', org })}>{t('org.dissolve')}</Button>}
      {write && !active && <Button size={size} type={type} icon={icon(<RollbackOutlined />)} onClick={() => restore(org)}>{t('org.restore')}</Button>}
      <Button size={size} type={type} icon={icon(<HistoryOutlined />)} onClick={() => open({ type: 'history', org })}>{t('org.history')}</Button>
    </Space>
  );
}
