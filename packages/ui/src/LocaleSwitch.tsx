import { Segmented } from 'antd';
import { type Locale, useLocale } from './i18n.tsx';

const choices: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LocaleSwitch() {
  const { locale, setLocale } = useLocale();
  return <Segmented<Locale> size="small" value={locale} options={choices} onChange={setLocale} />;
}
