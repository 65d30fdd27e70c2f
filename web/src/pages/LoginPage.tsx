import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api';
import { FullPageSpin, clearSessionExpiredNotice, safeNext, sessionExpiredNotice, useLogin, useMe } from '../auth';
import { errorMessage } from '../components/errors';
import { LangSwitch } from '../components/LangSwitch';
import { formatLockTime } from '../format';
import { useT } from '../i18n';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(() => {
    const state = location.state as { error?: string } | null;
    return state?.error ?? null;
  });
  const [expired] = useState(sessionExpiredNotice);
  useEffect(clearSessionExpiredNotice, []);
  const next = safeNext(params.get('next'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = (values: LoginForm) => {
    setError(null);
    login.mutate({ username: values.username.trim(), password: values.password }, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (e) => {
        let text = errorMessage(e, t('common.unknownError'));
        // A locked account: the server says until when; make sure the time shows.
        if (e instanceof ApiError && e.code === 'ACCOUNT_LOCKED' && typeof e.details.lockedUntil === 'string' && !/\d{1,2}:\d{2}/.test(text)) {
          text += `(${formatLockTime(e.details.lockedUntil)})`;
        }
        setError(text);
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <div className="login-page">
      <div className="login-lang"><LangSwitch /></div>
      <Card className="login-card" variant="borderless">
        <div className="login-head">
          <div className="login-logo">工</div>
          <Typography.Title level={3} className="login-title">{t('login.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} className="login-error" data-testid="login-error" />}
        {!error && expired && <Alert type="warning" showIcon title={t('login.expired')} className="login-error" />}
        <Form<LoginForm> form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" maxLength={64} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" maxLength={128} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" className="login-footer">{t('login.footer')}</Typography.Paragraph>
      </Card>
    </div>
  );
}
