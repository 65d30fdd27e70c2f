import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useLang, useT } from '../i18n';

/** 中文 ⇄ English; the choice is kept in localStorage. */
export function LangSwitch({ className, compact = false }: { className?: string; compact?: boolean }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Button
      type="text"
      className={className}
      data-testid="lang-switch"
      icon={<TranslationOutlined />}
      title={t('lang.switchTitle')}
      aria-label={t('lang.switchTitle')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {compact ? (lang === 'zh' ? 'EN' : '中') : t('lang.switch')}
    </Button>
  );
}
