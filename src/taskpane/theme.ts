import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The part of `Office.context.officeTheme` the pane reads (the composition root hands it over). */
export interface HostTheme {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance of a #rrggbb colour, 0 (black) … 1 (white); undefined for anything else. */
export function luminance(color: string | undefined): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? '');
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office's dark themes (Black, Dark Gray) → webDarkTheme; everything else, or no Office theme, → webLightTheme. */
export function isDark(host: HostTheme | undefined): boolean {
  if (!host) return false;
  if (typeof host.isDarkTheme === 'boolean') return host.isDarkTheme;
  const l = luminance(host.bodyBackgroundColor);
  return l !== undefined && l < 0.2;
}

export function fluentTheme(host: HostTheme | undefined): Theme {
  return isDark(host) ? webDarkTheme : webLightTheme;
}
