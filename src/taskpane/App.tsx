import { Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Locale } from '../core/model/types';
import { DEFAULT_PROFILE, parseProfile, type SchoolProfile } from '../core/profile/profile';
import { OtherSteps, StepTabs, type StepId } from './components/StepShell';
import { ValidateStep } from './components/ValidateStep';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { useValidationSession, type Overrides } from './state/useValidationSession';
import { fluentTheme, type HostTheme } from './theme';
import type { ValidationRunner } from './validation/runner';
import type { WorkbookPort } from './workbookPort';

/** Where the host theme comes from: Office.context.officeTheme in Excel, a switch in the demo. */
export interface ThemeSource {
  current(): HostTheme | undefined;
  subscribe?(listener: () => void): () => void;
}

export interface AppProps {
  port: WorkbookPort;
  runner: ValidationRunner;
  theme?: ThemeSource;
  /** Remembers the language and the school profile on this computer (localStorage); nothing leaves it. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  initialLocale?: Locale;
  /** YYYYMMDD for stable tests; today in China otherwise. */
  today?: string;
  /** The page was opened outside Office: say so instead of failing on the first read. */
  outsideOffice?: boolean;
}

const LOCALE_KEY = 'degree-data.pane.locale';
const PROFILE_KEY = 'degree-data.pane.profile';

function safely<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch {
    return fallback;
  }
}

function useHostTheme(source: ThemeSource | undefined): HostTheme | undefined {
  const [theme, setTheme] = React.useState(() => source?.current());
  React.useEffect(() => {
    if (!source) return;
    setTheme(source.current());
    return source.subscribe?.(() => setTheme(source.current()));
  }, [source]);
  return theme;
}

const useStyles = makeStyles({
  provider: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    maxWidth: '720px',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

function Pane(props: AppProps & { profile: SchoolProfile; setProfile: (profile: SchoolProfile | undefined) => void }) {
  const { port, runner, profile, setProfile, today } = props;
  const { t, locale, setLocale } = useI18n();
  const styles = useStyles();
  const [step, setStep] = React.useState<StepId>('validate');
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [state, actions] = useValidationSession({ port, runner, locale, profile, overrides, today });

  // The pinyin dictionary (~300 KB) loads after the first render, while the user reads the pane.
  React.useEffect(() => {
    const timer = setTimeout(() => runner.warmUp(), 0);
    return () => clearTimeout(timer);
  }, [runner]);

  const other: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <main className={styles.root} lang={locale} aria-label={t('app.title')}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('app.title')}</h1>
        <Button
          size="small"
          appearance="subtle"
          lang={other}
          aria-label={t('app.language.switchLabel')}
          onClick={() => setLocale(other)}
          data-testid="language"
        >
          {t('app.language.switch')}
        </Button>
      </header>
      {props.outsideOffice && (
        <MessageBar intent="info" layout="multiline" data-testid="outside-office">
          <MessageBarBody>{t('host.outside')}</MessageBarBody>
        </MessageBar>
      )}
      <StepTabs selected={step} onSelect={setStep} />
      <div role="tabpanel" aria-label={t(`steps.${step}`)}>
        <ValidateStep
          state={state}
          actions={actions}
          overrides={overrides}
          onOverridesChange={setOverrides}
          profile={profile}
          onProfileChange={setProfile}
        />
      </div>
      <OtherSteps />
    </main>
  );
}

/** The task pane: theme from Office, zh-CN by default, the 校验 step working and the others explained. */
export function App(props: AppProps) {
  const { storage, theme } = props;
  const styles = useStyles();
  const host = useHostTheme(theme);
  const [locale, setLocaleState] = React.useState<Locale>(() => {
    const stored = storage && safely(() => storage.getItem(LOCALE_KEY), null);
    return stored === 'en-US' || stored === 'zh-CN' ? stored : (props.initialLocale ?? 'zh-CN');
  });
  const setLocale = React.useCallback(
    (next: Locale) => {
      setLocaleState(next);
      if (storage) safely(() => storage.setItem(LOCALE_KEY, next), undefined);
    },
    [storage],
  );
  const [profile, setProfileState] = React.useState<SchoolProfile>(() => {
    const stored = storage && safely(() => storage.getItem(PROFILE_KEY), null);
    if (!stored) return DEFAULT_PROFILE;
    const parsed = safely(() => parseProfile(JSON.parse(stored)), { ok: false as const, problems: [] });
    return parsed.ok ? parsed.profile : DEFAULT_PROFILE;
  });
  const setProfile = React.useCallback(
    (next: SchoolProfile | undefined) => {
      setProfileState(next ?? DEFAULT_PROFILE);
      if (!storage) return;
      safely(() => (next ? storage.setItem(PROFILE_KEY, JSON.stringify(next)) : storage.removeItem(PROFILE_KEY)), undefined);
    },
    [storage],
  );
  return (
    <FluentProvider theme={fluentTheme(host)} className={styles.provider} lang={locale}>
      <I18nProvider locale={locale} setLocale={setLocale}>
        <Pane {...props} profile={profile} setProfile={setProfile} />
      </I18nProvider>
    </FluentProvider>
  );
}
