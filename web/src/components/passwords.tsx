// Password fields with the platform's rule (at least 8 characters of three
// kinds) shown and checked before the server checks it again, and the user's
// own password change.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import type { FormInstance, FormItemProps } from 'antd';
import { api } from '../api';
import { useT } from '../i18n';
import { useShowError } from './errors';

/** null when acceptable; mirrors passwordProblem() on the server. */
export function passwordProblem(pw: string): 'short' | 'kinds' | null {
  if (pw.length < 8) return 'short';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return kinds < 3 ? 'kinds' : null;
}

/** A random password that satisfies the rule (12 characters, four kinds). */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%+=?'];
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = Array.from(bytes, (b, i) => {
    const set = sets[i < 4 ? i : b % 3]!;
    return set[b % set.length]!;
  });
  // Shuffle so the kinds are not always in the same places.
  const order = crypto.getRandomValues(new Uint8Array(chars.length));
  return chars.map((c, i) => ({ c, k: order[i]! })).sort((a, b) => a.k - b.k).map((x) => x.c).join('');
}

/** Form item for a new password, with the rule as help text and a generator. */
export function NewPasswordItem({ name, label, form, generate = true, ...rest }: { name: string; label: string; form: FormInstance; generate?: boolean } & Omit<FormItemProps, 'name' | 'label' | 'children'>) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <Form.Item label={label} required extra={t('common.passwordRule')} {...rest}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name={name}
          noStyle
          rules={[{
            validator: async (_r, v: string | undefined) => {
              if (!v) throw new Error(t('password.required'));
              if (v.length > 128) throw new Error(t('password.long'));
              const problem = passwordProblem(v);
              if (problem === 'short') throw new Error(t('password.short'));
              if (problem === 'kinds') throw new Error(t('password.kinds'));
            },
          }]}
        >
          <Input.Password autoComplete="new-password" visibilityToggle={{ visible, onVisibleChange: setVisible }} />
        </Form.Item>
        {generate && (
          <Button onClick={() => { form.setFieldValue(name, generatePassword()); setVisible(true); void form.validateFields([name]); }}>
            {t('common.generate')}
          </Button>
        )}
      </Space.Compact>
    </Form.Item>
  );
}

/** Rendered only while open (a fresh form each time). */
export function ChangePasswordModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string; confirm: string }>();
  const change = useMutation({
    mutationFn: (v: { oldPassword: string; newPassword: string }) => api.post('/api/auth/password', v),
    onSuccess: () => {
      message.success(t('password.changed'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open
      title={t('password.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate({ oldPassword: v.oldPassword, newPassword: v.newPassword })}>
        <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordItem name="newPassword" label={t('password.new')} form={form} generate={false} />
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.mismatch') },
            ({ getFieldValue }) => ({
              validator: async (_r, v) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
