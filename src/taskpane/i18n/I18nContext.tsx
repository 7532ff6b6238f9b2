import * as React from 'react';
import type { Locale } from '../../core/model/types';
import { format, type MessageKey, type MessageParams } from './messages';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = React.createContext<I18n>({
  locale: 'zh-CN',
  t: (key, params) => format('zh-CN', key, params),
  setLocale: () => undefined,
});

export function I18nProvider(props: { locale: Locale; setLocale: (locale: Locale) => void; children?: React.ReactNode }) {
  const { locale, setLocale, children } = props;
  const value = React.useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => format(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => React.useContext(I18nContext);
