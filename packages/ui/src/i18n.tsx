import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

export type Locale = 'zh-CN' | 'en';

/** One dictionary per locale; the English one must name every key of the Chinese one. */
export type Dictionaries<Words extends Record<string, string>> = {
  'zh-CN': Words;
  en: Record<keyof Words, string>;
};

export function defineDictionaries<Words extends Record<string, string>>(
  chinese: Words,
  english: Record<keyof Words, string>,
): Dictionaries<Words> {
  return { 'zh-CN': chinese, en: english };
}

const storageKey = 'gongjian.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

/** Holds the chosen locale (Chinese by default, remembered per browser) and switches antd's locale with it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const state = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale(next) {
        setLocaleState(next);
        try {
          localStorage.setItem(storageKey, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
      },
    }),
    [locale],
  );
  return (
    <LocaleContext.Provider value={state}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>{children}</ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function useWords<Words extends Record<string, string>>(dictionaries: Dictionaries<Words>) {
  const { locale } = useLocale();
  return dictionaries[locale] as Record<keyof Words, string>;
}

/** Fills `{name}` placeholders: `fill('共 {count} 条', { count: 3 })`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
