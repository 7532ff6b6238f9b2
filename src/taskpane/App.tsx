import { Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Locale } from '../core/model/types';
import { DEFAULT_PROFILE, parseProfile, type SchoolProfile } from '../core/profile/profile';
import { ExportStep } from './components/ExportStep';
import { PrintProvider } from './components/Print';
import { ReconcileStep } from './components/ReconcileStep';
import { RecordsStep } from './components/RecordsStep';
import { SignOffStep } from './components/SignOffStep';
import { StepTabs, type StepId } from './components/StepShell';
import { ValidateStep } from './components/ValidateStep';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { createLocalIdentityPort, type IdentityPort } from './identity';
import type { PanePorts } from './ports';
import { usePane } from './state/usePane';
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
  /** The workbook's hidden record sheets, 学籍 data and file saving, for the steps after 校验. */
  ports: PanePorts;
  /** Who signs; self-declared (typed, remembered in `storage`) unless a school configures a verified sign-in. */
  identity?: IdentityPort;
  theme?: ThemeSource;
  /** Remembers the language and the school profile on this computer (localStorage); nothing leaves it. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  initialLocale?: Locale;
  /** YYYYMMDD for stable tests; today in China otherwise. */
  today?: string;
  /** The page was opened outside Office: say so instead of failing on the first read. */
  outsideOffice?: boolean;
  /** Replaces window.print (tests). */
  onPrint?: () => void;
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

function Pane(props: AppProps & { profile: SchoolProfile; setProfile: (profile: SchoolProfile | undefined) => void; identity: IdentityPort }) {
  const { port, runner, ports, profile, setProfile, today } = props;
  const { t, locale, setLocale } = useI18n();
  const styles = useStyles();
  const [step, setStep] = React.useState<StepId>('validate');
  const pane = usePane({ port, runner, ports, identity: props.identity, locale, profile, today });
  const { session: state, sessionActions: actions, overrides, setOverrides, signer, ledger, ledgerActions, reconcile, signOff, exporter, records } = pane;

  // The pinyin dictionary (~300 KB) loads after the first render, while the user reads the pane.
  React.useEffect(() => {
    const timer = setTimeout(() => runner.warmUp(), 0);
    return () => clearTimeout(timer);
  }, [runner]);

  // The audit trail is read when a step that shows it opens, and again after each new validation.
  const needsLedger = step === 'signoff' || step === 'export' || step === 'records';
  const { reload } = ledgerActions;
  React.useEffect(() => {
    if (needsLedger) void reload();
  }, [needsLedger, reload, state.version]);

  const other: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  const panelId = React.useId();
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
      <StepTabs selected={step} onSelect={setStep} panelId={panelId} />
      <div role="tabpanel" id={panelId} aria-labelledby={`step-tab-${step}`} data-step-panel={step}>
        {step === 'validate' && (
          <ValidateStep
            state={state}
            actions={actions}
            overrides={overrides}
            onOverridesChange={setOverrides}
            profile={profile}
            onProfileChange={setProfile}
          />
        )}
        {step === 'reconcile' && <ReconcileStep view={reconcile} session={state} sessionActions={actions} signer={signer} />}
        {step === 'signoff' && <SignOffStep view={signOff} session={state} ledger={ledger} ledgerActions={ledgerActions} signer={signer} profile={profile} />}
        {step === 'export' && <ExportStep view={exporter} session={state} ledger={ledger} ledgerActions={ledgerActions} signer={signer} />}
        {step === 'records' && <RecordsStep view={records} ledger={ledger} ledgerActions={ledgerActions} signer={signer} />}
      </div>
    </main>
  );
}

/** The task pane: theme from Office, zh-CN by default, the steps 校验 · 学籍比对 · 签核 · 导出 · 记录. */
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
  const identity = React.useMemo(() => props.identity ?? createLocalIdentityPort(storage), [props.identity, storage]);
  return (
    <FluentProvider theme={fluentTheme(host)} className={styles.provider} lang={locale}>
      <I18nProvider locale={locale} setLocale={setLocale}>
        <PrintProvider onPrint={props.onPrint}>
          <Pane {...props} profile={profile} setProfile={setProfile} identity={identity} />
        </PrintProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
