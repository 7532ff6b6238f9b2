import { Button, Field, FluentProvider, makeStyles, Select, Switch, tokens, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { installSimulator, workbookFromXlsx, type InstalledSimulator, type SimWorkbook } from '../simulator';
import { App, type ThemeSource } from '../taskpane/App';
import type { PanePorts } from '../taskpane/ports';
import type { HostTheme } from '../taskpane/theme';
import type { ValidationRunner } from '../taskpane/validation/runner';
import type { WorkbookPort } from '../taskpane/workbookPort';
import { GridView } from './GridView';

const LIGHT: HostTheme & Record<string, unknown> = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#000000',
  isDarkTheme: false,
};
const DARK: HostTheme & Record<string, unknown> = {
  bodyBackgroundColor: '#262626',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#363636',
  controlForegroundColor: '#FFFFFF',
  isDarkTheme: true,
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: '#107C41',
    color: '#FFFFFF',
  },
  brand: { display: 'flex', flexDirection: 'column', marginRight: 'auto' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { fontSize: tokens.fontSizeBase200, opacity: 0.9 },
  field: { color: '#FFFFFF', '& label': { color: '#FFFFFF' } },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    width: '400px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  message: { padding: tokens.spacingHorizontalL },
});

export interface DemoAppProps {
  /** Builds the pane's port once the simulator is installed (the Excel gateway, adapted). */
  createPort: () => WorkbookPort;
  /** The later steps' ports (audit trail, 学籍, change log, saving files) over the gateway. */
  createPanePorts: () => PanePorts;
  createRunner: () => ValidationRunner;
}

/** A file the pane saved (the demo keeps a copy so that the browser test can read it back). */
export interface SavedFile {
  name: string;
  mime: string;
  bytes: number[];
  method: string;
}

interface Loaded {
  key: number;
  name: string;
  workbook: SimWorkbook;
  simulator: InstalledSimulator;
  port: WorkbookPort;
  ports: PanePorts;
  runner: ValidationRunner;
}

/** What the browser tests (and a curious user in the console) can reach. */
export interface DemoHandle {
  workbook?: SimWorkbook;
  /** The simulated host: `faults` can be changed to make protect/unprotect fail as some Excel builds do. */
  host?: InstalledSimulator['host'];
  loaded: boolean;
  load(name: string): Promise<void>;
  /** Every fill of every sheet, as `Sheet!A1 → #RRGGBB` — to check that clearing marks restores them. */
  fills(): Record<string, string>;
  /** Files the pane saved since the page opened, in order. */
  saved: SavedFile[];
}

/** Keeps a copy of every file the pane saves, then saves it as the gateway does (a download in the demo). */
function recordingSaves(ports: PanePorts, saved: SavedFile[]): PanePorts {
  return {
    ...ports,
    files: {
      ...ports.files,
      async saveFile(name, bytes, mime) {
        const result = await ports.files.saveFile(name, bytes, mime);
        saved.push({ name, mime, bytes: Array.from(bytes), method: result.method });
        return result;
      },
    },
  };
}

declare global {
  interface Window {
    degreeDataDemo?: DemoHandle;
  }
}

/** The task pane beside a plain grid of a simulated workbook loaded from examples/ or the user's own .xlsx. */
export function DemoApp(props: DemoAppProps) {
  const { createPort, createPanePorts, createRunner } = props;
  const saved = React.useRef<SavedFile[]>([]);
  const styles = useStyles();
  const [examples, setExamples] = React.useState<string[]>([]);
  const [selected, setSelected] = React.useState('');
  const [loaded, setLoaded] = React.useState<Loaded>();
  const [error, setError] = React.useState<string>();
  const [version, setVersion] = React.useState(0);
  const [dark, setDark] = React.useState(false);
  const keyRef = React.useRef(0);
  const themeListeners = React.useRef(new Set<() => void>());
  const loadedRef = React.useRef<Loaded | undefined>(undefined);

  const themeSource = React.useMemo<ThemeSource>(
    () => ({
      current: () => (loadedRef.current?.simulator.office.context as { officeTheme?: HostTheme } | undefined)?.officeTheme,
      subscribe: (listener) => {
        themeListeners.current.add(listener);
        return () => themeListeners.current.delete(listener);
      },
    }),
    [],
  );

  const open = React.useCallback(
    async (bytes: ArrayBuffer, name: string) => {
      setError(undefined);
      try {
        const workbook = await workbookFromXlsx(bytes, name);
        loadedRef.current?.simulator.uninstall();
        loadedRef.current?.runner.dispose();
        // ?faults=protect,unprotect,visibility,createWorkbook makes those operations fail with AccessDenied, as some
        // Excel builds do; ?platform=Mac saves .xlsx files as new workbooks (Excel.createWorkbook) instead of downloads.
        const query = new URLSearchParams(window.location.search);
        const faults = Object.fromEntries((query.get('faults') ?? '').split(',').filter(Boolean).map((name) => [name, 'AccessDenied']));
        const platform = query.get('platform') === 'Mac' ? 'Mac' : 'OfficeOnline';
        const simulator = installSimulator(workbook, { platform, faults });
        (simulator.office.context as { officeTheme: unknown }).officeTheme = dark ? DARK : LIGHT;
        const next: Loaded = {
          key: ++keyRef.current,
          name,
          workbook,
          simulator,
          port: createPort(),
          ports: recordingSaves(createPanePorts(), saved.current),
          runner: createRunner(),
        };
        loadedRef.current = next;
        setLoaded(next);
        document.title = `${name} · 学位授予信息助手演示`;
      } catch (e) {
        setError(`无法打开 ${name}：${(e as Error).message} / Cannot open ${name}`);
      }
    },
    [createPort, createPanePorts, createRunner, dark],
  );

  const loadExample = React.useCallback(
    async (name: string) => {
      setSelected(name);
      const response = await fetch(`examples/${encodeURIComponent(name)}`);
      if (!response.ok) {
        setError(`找不到示例 ${name} / example not found`);
        return;
      }
      await open(await response.arrayBuffer(), name);
    },
    [open],
  );

  React.useEffect(() => {
    void (async () => {
      const response = await fetch('examples/index.json').catch(() => undefined);
      const list: string[] = response?.ok ? await response.json() : [];
      setExamples(list);
      const wanted = new URLSearchParams(window.location.search).get('example');
      const initial = wanted && list.includes(wanted) ? wanted : list.includes('defective.xlsx') ? 'defective.xlsx' : list[0];
      if (initial) await loadExample(initial);
    })();
  }, [loadExample]);

  // The grid follows the workbook: re-render whenever a sync happened or the selection / active sheet moved.
  React.useEffect(() => {
    if (!loaded) return;
    let last = '';
    const timer = setInterval(() => {
      const { workbook } = loaded;
      const signature = `${workbook.stats.syncs}|${workbook.activeSheetId}|${JSON.stringify(workbook.selection)}|${workbook.sheets.length}`;
      if (signature !== last) {
        last = signature;
        setVersion((v) => v + 1);
      }
    }, 100);
    return () => clearInterval(timer);
  }, [loaded]);

  React.useEffect(() => {
    window.degreeDataDemo = {
      workbook: loaded?.workbook,
      host: loaded?.simulator.host,
      loaded: loaded !== undefined,
      load: loadExample,
      saved: saved.current,
      fills() {
        const fills: Record<string, string> = {};
        for (const sheet of loaded?.workbook.sheets ?? []) {
          for (const [key, fill] of sheet.fills) {
            const row = Math.floor(key / 16384);
            const column = key % 16384;
            fills[`${sheet.name}!${column}:${row}`] = `${fill.pattern} ${fill.color} ${fill.patternColor ?? ''}`;
          }
        }
        return fills;
      },
    };
  }, [loaded, loadExample]);

  const setTheme = (next: boolean) => {
    setDark(next);
    const context = loadedRef.current?.simulator.office.context as { officeTheme: unknown } | undefined;
    if (context) context.officeTheme = next ? DARK : LIGHT;
    themeListeners.current.forEach((listener) => listener());
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <header className={styles.bar}>
        <div className={styles.brand}>
          <h1 className={styles.title}>学位授予信息助手 · 演示 / Demo</h1>
          <span className={styles.subtitle}>
            模拟的 Excel 工作簿，文件不会离开本机浏览器 / A simulated workbook; files stay in this browser
          </span>
        </div>
        <Field label="示例工作簿 / Example" className={styles.field}>
          <Select value={selected} onChange={(_, data) => void loadExample(data.value)} data-testid="example-picker">
            {!selected && <option value="">—</option>}
            {examples.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="打开自己的 .xlsx / Open your own .xlsx" className={styles.field}>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                setSelected('');
                void file.arrayBuffer().then((bytes) => open(bytes, file.name));
              }
            }}
          />
        </Field>
        <Switch
          checked={dark}
          onChange={(_, data) => setTheme(data.checked)}
          label={<span style={{ color: '#FFFFFF' }}>Office 深色主题 / dark theme</span>}
        />
        {loaded && (
          <Button size="small" onClick={() => void (selected ? loadExample(selected) : undefined)} disabled={!selected}>
            重新打开 / Reopen
          </Button>
        )}
      </header>
      <div className={styles.main}>
        <section className={styles.grid} aria-label="工作簿 / Workbook">
          {error && <div className={styles.message} role="alert">{error}</div>}
          {loaded ? (
            <GridView workbook={loaded.workbook} version={version} onChange={() => setVersion((v) => v + 1)} />
          ) : (
            !error && <div className={styles.message}>正在打开… / Opening…</div>
          )}
        </section>
        <aside className={styles.pane} aria-label="任务窗格 / Task pane" data-testid="taskpane">
          {loaded && (
            <App
              key={loaded.key}
              port={loaded.port}
              ports={loaded.ports}
              runner={loaded.runner}
              theme={themeSource}
              storage={window.localStorage}
            />
          )}
        </aside>
      </div>
    </FluentProvider>
  );
}
