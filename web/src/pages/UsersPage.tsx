// 用户账号: the accounts of the current union and the unions beneath it.
// Officers with user:write create, edit, disable/enable, reset and unlock.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Dropdown, Form, Grid, Input, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, KeyOutlined, LockOutlined, MoreOutlined, PlusOutlined, StopOutlined, UnlockOutlined, CheckCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { api, type User } from '../api';
import { useAuth } from '../auth';
import { useCurrentOrg } from '../currentOrg';
import { useShowError } from '../components/errors';
import { OrgPicker } from '../components/OrgPicker';
import { useDebounced } from '../components/useDebounced';
import { PagedTable } from '../components/PagedTable';
import { NewPasswordItem } from '../components/passwords';
import { formatDateTimeShort, formatLockTime } from '../format';
import { useT } from '../i18n';
import { useLabels } from '../labels';

type Dialog = { type: 'create' } | { type: 'edit'; user: User } | { type: 'reset'; user: User };

function useUserMutation<V>(fn: (v: V) => Promise<unknown>, done: () => void, form?: Parameters<ReturnType<typeof useShowError>>[1]) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      done();
    },
    onError: (e) => showError(e, form),
  });
}

function RoleSelect(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const labels = useLabels();
  return (
    <Select
      {...props}
      mode="multiple"
      showSearch={{ optionFilterProp: 'label' }}
      options={labels.roles.map((r) => ({ value: r.name, label: labels.role(r.name) }))}
    />
  );
}

interface CreateValues {
  username: string;
  displayName: string;
  orgId: number;
  roles: string[];
  password: string;
}

function CreateUserModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { org } = useCurrentOrg();
  const [form] = Form.useForm<CreateValues>();
  const create = useUserMutation(
    (v: CreateValues) => api.post<User>('/api/users', { ...v, username: v.username.trim(), displayName: v.displayName.trim() }),
    () => {
      message.success(t('user.created', { name: form.getFieldValue('username') as string }));
      onClose();
    },
    form,
  );
  return (
    <Modal open title={t('user.createTitle')} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} width={560}>
      <Form<CreateValues> form={form} layout="vertical" initialValues={{ orgId: org?.status === 'active' ? org.id : undefined, roles: [] }} onFinish={(v) => create.mutate(v)} autoComplete="off">
        <Form.Item name="username" label={t('user.username')} extra={t('user.usernameHelp')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('user.usernameInvalid') }]}>
          <Input maxLength={32} autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 50, message: t('user.displayNameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')} rules={[{ required: true, message: t('user.orgRequired') }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}>
          <RoleSelect />
        </Form.Item>
        <NewPasswordItem name="password" label={t('user.password')} form={form} />
      </Form>
    </Modal>
  );
}

interface EditValues {
  displayName: string;
  orgId: number;
  roles: string[];
}

function EditUserModal({ user, onClose }: { user: User; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const save = useUserMutation(
    (v: EditValues) => {
      const body: Record<string, unknown> = {};
      if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
      if (v.orgId !== user.orgId) body.orgId = v.orgId;
      if ([...v.roles].sort().join() !== [...user.roles].sort().join()) body.roles = v.roles;
      return api.patch<User>(`/api/users/${user.id}`, body);
    },
    () => {
      message.success(t('user.saved'));
      onClose();
    },
    form,
  );
  return (
    <Modal open title={t('user.editTitle', { name: user.username })} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} width={560}>
      <Form<EditValues> form={form} layout="vertical" initialValues={{ displayName: user.displayName, orgId: user.orgId, roles: user.roles }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label={t('user.username')}>
          <Input value={user.username} disabled />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 50, message: t('user.displayNameRequired') }]}>
          <Input maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')} rules={[{ required: true, message: t('user.orgRequired') }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}>
          <RoleSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useUserMutation(
    (v: { password: string }) => api.post(`/api/users/${user.id}/reset-password`, v),
    () => {
      message.success(t('user.reset', { name: user.username }));
      onClose();
    },
    form,
  );
  return (
    <Modal open title={t('user.resetTitle', { name: `${user.displayName}(${user.username})` })} okText={t('user.resetPassword')} onOk={() => form.submit()} confirmLoading={reset.isPending} onCancel={onClose}>
      <Alert type="info" showIcon title={t('user.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v)} autoComplete="off">
        <NewPasswordItem name="password" label={t('user.newPassword')} form={form} />
      </Form>
    </Modal>
  );
}

function StatusCell({ user }: { user: User }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Space size={4} orientation="vertical" align="start">
      <Tag color={user.status === 'active' ? 'green' : 'default'}>{labels.userStatus(user.status)}</Tag>
      {user.lockedUntil && (
        <Tooltip title={formatDateTimeShort(user.lockedUntil)}>
          <Tag color="red" icon={<LockOutlined />}>{t('user.lockedUntil', { time: formatLockTime(user.lockedUntil) })}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function UserActions({ user, onDialog }: { user: User; onDialog(d: Dialog): void }) {
  const t = useT();
  const { me } = useAuth();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const name = `${user.displayName}(${user.username})`;
  const run = (fn: () => Promise<unknown>, done: string) => fn()
    .then(async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      message.success(done);
    })
    .catch((e: unknown) => showError(e));
  const setStatus = (status: 'active' | 'disabled') => modal.confirm({
    title: status === 'disabled' ? t('user.disableConfirm', { name }) : t('user.enableConfirm', { name }),
    okText: status === 'disabled' ? t('user.disable') : t('user.enable'),
    okButtonProps: { danger: status === 'disabled' },
    onOk: () => run(() => api.patch(`/api/users/${user.id}`, { status }), status === 'disabled' ? t('user.disabled', { name }) : t('user.enabled', { name })),
  });
  const unlock = () => modal.confirm({
    title: t('user.unlockConfirm', { name }),
    okText: t('user.unlock'),
    onOk: () => run(() => api.post(`/api/users/${user.id}/unlock`), t('user.unlocked', { name })),
  });
  const self = user.id === me.id;
  const more = [
    { key: 'reset', icon: <KeyOutlined />, label: t('user.resetPassword') },
    ...(self ? [] : user.status === 'active'
      ? [{ key: 'disable', icon: <StopOutlined />, label: t('user.disable'), danger: true }]
      : [{ key: 'enable', icon: <CheckCircleOutlined />, label: t('user.enable') }]),
  ];
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onDialog({ type: 'edit', user })}>{t('user.edit')}</Button>
      {user.lockedUntil && <Button type="link" size="small" icon={<UnlockOutlined />} onClick={unlock}>{t('user.unlock')}</Button>}
      <Dropdown
        trigger={['click']}
        menu={{
          items: more,
          onClick: ({ key }) => {
            if (key === 'reset') onDialog({ type: 'reset', user });
            if (key === 'disable') setStatus('disabled');
            if (key === 'enable') setStatus('active');
          },
        }}
      >
        <Button type="link" size="small" icon={<MoreOutlined />}>{t('user.more')}</Button>
      </Dropdown>
    </Space>
  );
}

export function UsersPage() {
  const t = useT();
  const labels = useLabels();
  const { can } = useAuth();
  const { org } = useCurrentOrg();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [role, setRole] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const write = can('user:write');
  const wide = Grid.useBreakpoint().md !== false;

  const columns: ColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', key: 'username', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('user.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('user.org'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('user.roles'), dataIndex: 'roles', key: 'roles', render: (roles: string[]) => <Space size={[0, 4]} wrap>{roles.map((r) => <Tag key={r}>{labels.role(r)}</Tag>)}</Space> },
    { title: t('user.status'), key: 'status', render: (_: unknown, u) => <StatusCell user={u} /> },
    { title: t('user.lastLogin'), dataIndex: 'lastLoginAt', key: 'lastLoginAt', render: (v: string | null) => (v ? formatDateTimeShort(v) : <Typography.Text type="secondary">{t('user.neverLoggedIn')}</Typography.Text>) },
    ...(write ? [{ title: t('common.actions'), key: 'actions', fixed: wide ? 'right' as const : undefined, render: (_: unknown, u: User) => <UserActions user={u} onDialog={setDialog} /> }] : []),
  ];

  return (
    <div className="page">
      <Card
        className="page-card"
        title={t('menu.users')}
        extra={write && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ type: 'create' })} data-testid="user-create">{t('user.create')}</Button>}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input allowClear prefix={<SearchOutlined />} placeholder={t('user.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} data-testid="user-search" />
          <Select allowClear placeholder={t('user.allRoles')} value={role} onChange={setRole} style={{ width: 180 }} options={labels.roles.map((r) => ({ value: r.name, label: labels.role(r.name) }))} />
          <Select
            allowClear
            placeholder={t('user.allStatus')}
            value={status}
            onChange={setStatus}
            style={{ width: 140 }}
            options={[{ value: 'active', label: labels.userStatus('active') }, { value: 'disabled', label: labels.userStatus('disabled') }]}
          />
        </Space>
        <PagedTable<User>
          queryKey={['users', 'list']}
          path="/api/users"
          params={{ orgId: org?.id, q, role, status }}
          enabled={!!org}
          columns={columns}
          testId="user-table"
        />
      </Card>
      {dialog?.type === 'create' && <CreateUserModal onClose={() => setDialog(null)} />}
      {dialog?.type === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.type === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  );
}
