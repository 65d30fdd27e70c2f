// How errors reach the user, written once: the server's Chinese message in a
// toast (actions) or an inline alert (a list or page that failed to load), and
// its field problems on the form fields they belong to.
import { useCallback, type CSSProperties } from 'react';
import { Alert, App, Button } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from '../api';
import { useT } from '../i18n';

export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError || error instanceof Error) return error.message || fallback;
  return fallback;
}

export function ErrorAlert({ error, onRetry, style }: { error: unknown; onRetry?: () => void; style?: CSSProperties }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16, ...style }}
      title={errorMessage(error, t('common.unknownError'))}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/**
 * Shows a failed action: the message as a toast; with a form, each problem the
 * server tied to a field (details.fields) appears under that field.
 */
export function useShowError() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback((error: unknown, form?: FormInstance) => {
    if (form && error instanceof ApiError && error.fields.length > 0) {
      const known = new Set(Object.keys(form.getFieldsValue(true) as object));
      for (const name of Object.keys(form.getFieldsValue() as object)) known.add(name);
      const onForm = error.fields.filter((f) => known.has(f.field));
      if (onForm.length > 0) {
        form.setFields(onForm.map((f) => ({ name: f.field, errors: [f.message] })));
      }
    }
    message.error(errorMessage(error, t('common.unknownError')));
  }, [message, t]);
}
