/// <reference types="office-js" />
/**
 * What the pane needs from Office besides the workbook: when Office.js is ready, the UI language, the theme,
 * the requirement sets. Outside Office (no office.js, or a browser that never gets ready) these fall back.
 */
import type { Locale } from '../core/model/types';

export interface OfficeHostInfo {
  /** 'Excel' inside Excel (or the simulator); undefined outside Office. */
  host?: string;
  platform?: string;
}

/** Resolves when Office.js is ready; with `timeoutMs`, resolves `{}` if it isn't by then (a page outside Office). */
export function onOfficeReady(timeoutMs?: number): Promise<OfficeHostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve({});
  const ready = Office.onReady().then(
    (info): OfficeHostInfo => ({ host: info.host ? String(info.host) : undefined, platform: info.platform ? String(info.platform) : undefined }),
  );
  if (timeoutMs === undefined) return ready;
  return Promise.race([ready, new Promise<OfficeHostInfo>((resolve) => setTimeout(() => resolve({}), timeoutMs))]);
}

/** Office's display language as one of the pane's locales: en-US for English, zh-CN otherwise. */
export function officeLocale(): Locale {
  try {
    const language = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
    return language && /^en\b/i.test(language) ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Office's theme colours, when the host provides them (Excel on Windows and Mac, the simulator). */
export function officeTheme(): { bodyBackgroundColor: string; bodyForegroundColor: string; isDarkTheme?: boolean } | undefined {
  try {
    const theme = typeof Office !== 'undefined' ? Office.context?.officeTheme : undefined;
    if (!theme?.bodyBackgroundColor) return undefined;
    return {
      bodyBackgroundColor: theme.bodyBackgroundColor,
      bodyForegroundColor: theme.bodyForegroundColor,
      isDarkTheme: (theme as { isDarkTheme?: boolean }).isDarkTheme,
    };
  } catch {
    return undefined;
  }
}
