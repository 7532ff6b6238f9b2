import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { fluentTheme, isDark, luminance } from './theme';

describe('following the Office theme', () => {
  it('maps Office dark themes to webDarkTheme and the rest to webLightTheme', () => {
    expect(fluentTheme(undefined)).toBe(webLightTheme);
    expect(fluentTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(webLightTheme); // White / Colorful
    expect(fluentTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(webLightTheme); // Dark Gray (light body)
    expect(fluentTheme({ bodyBackgroundColor: '#262626' })).toBe(webDarkTheme); // Black
    expect(fluentTheme({ bodyBackgroundColor: '#FFFFFF', isDarkTheme: true })).toBe(webDarkTheme);
  });

  it('ignores colours it cannot read', () => {
    expect(luminance('red')).toBeUndefined();
    expect(isDark({ bodyBackgroundColor: 'not a colour' })).toBe(false);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });
});
