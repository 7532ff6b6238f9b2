import * as React from 'react';
import type { AuditEvent, Role } from '../../core/audit/events';
import {
  batchOfRecords,
  buildPhotoPackage,
  buildPublicityList,
  checkPhotos,
  DecisionError,
  DEFAULT_FILE_PATTERN,
  DEFAULT_PUBLICITY_DAYS,
  describeDeadline,
  FileNamePatternError,
  gbkEncoderFromTextDecoder,
  mimeTypeOf,
  photoPackageName,
  PHOTO_PRESETS,
  publicityPeriod,
  publicityRows,
  reportingDeadline,
  sha256OfBytes,
  uploadFileName,
  uploadGroups,
  writePublicityXlsx,
  type CharEncoder,
  type DeadlineStatus,
  type GateDecision,
  type HeaderStyle,
  type PhotoCheck,
  type PhotoEntry,
  type PhotoPreset,
  type PublicityList,
  type UploadFormat,
} from '../../core/export';
import type { ExportBlocker } from '../../core/changes';
import type { Issue, Locale } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import { todayInChina } from '../../core/util/dates';
import { describePortError, type FilePort, type SaveMethod } from '../ports';
import { readFileBytes } from '../readFile';
import { ADDIN_VERSION, RULES_VERSION } from '../version';
import { columnFinder, exportIssuesOf, gateOf, planExport, type ExportPlan, type PlannedFile } from '../view/exportView';
import type { LedgerActions, LedgerState } from './useLedger';
import type { Signer } from './useSigner';
import type { SessionState } from './useValidationSession';
import type { Notice } from './notice';

export type ExportNotice = Notice;

export interface SavedFileView {
  name: string;
  kind: PlannedFile['kind'];
  method: SaveMethod;
  sha256: string;
  rows?: number;
  message?: string;
}

export interface ExportResult {
  plan: ExportPlan;
  saved: SavedFileView[];
}

export interface PhotoState {
  source?: string;
  loading: boolean;
  check?: PhotoCheck;
  error?: string;
}

export interface ExportView {
  format: UploadFormat;
  setFormat(format: UploadFormat): void;
  /** .dbf exists for the G1 template only. */
  dbfAllowed: boolean;
  headerStyle: HeaderStyle;
  setHeaderStyle(style: HeaderStyle): void;
  pattern: string;
  setPattern(pattern: string): void;
  /** The file names the pattern gives, or the pattern's problem. */
  fileNames: string[];
  patternError?: string;
  requireApproval: boolean;
  setRequireApproval(value: boolean): void;

  decisionNumber: string;
  setDecisionNumber(value: string): void;
  /** YYYYMMDD */
  decisionDate: string;
  setDecisionDate(value: string): void;
  deadline?: DeadlineStatus;
  deadlineText?: string;
  deadlineError?: string;
  lateReason: string;
  setLateReason(value: string): void;

  /** What the chosen file format cannot hold, at their rows. */
  exportIssues: readonly Issue[];
  gate?: GateDecision;
  blockers: ExportBlocker[];
  /** The gate's reasons in the pane's language. */
  reasons: string[];
  canExport: boolean;
  busy: boolean;
  notice?: ExportNotice;
  result?: ExportResult;
  exportNow(): void;
  writeToSheet(): void;

  publicity: {
    start: string;
    setStart(value: string): void;
    days: number;
    setDays(value: number): void;
    includeCollege: boolean;
    setIncludeCollege(value: boolean): void;
    includeMajor: boolean;
    setIncludeMajor(value: boolean): void;
    list?: PublicityList;
    error?: string;
    save(): void;
    toSheet(): void;
  };

  photos: PhotoState & {
    preset: PhotoPreset;
    setPreset(preset: PhotoPreset): void;
    loadFolder(files: FileList | readonly File[]): void;
    loadZip(file: File): void;
    includeInExport: boolean;
    setIncludeInExport(value: boolean): void;
    savePackage(): void;
  };
  dismissNotice(): void;
}

export interface ExportInput {
  session: SessionState;
  ledger: LedgerState;
  ledgerActions: LedgerActions;
  signer: Signer;
  files: FilePort;
  profile: SchoolProfile;
  locale: Locale;
  today?: string;
}

/** YYYY-MM-DD (a date input) or YYYYMMDD → YYYYMMDD. */
export const compactDate = (value: string) => value.replace(/-/g, '');

const bilingual = (zh: string, en: string, locale: Locale) => (locale === 'zh-CN' ? zh : en);

/** The export is the degree office's step (as the CLI's default --role office). */
const EXPORTER_ROLE: Role = 'office';

/**
 * The 导出 step: the gate's verdict with every missing step, the header style and format, the upload file(s) with
 * their manifest, the publicity list, the photo check, the decision and its 30 days (补报 after them, with a
 * reason); an export appends 导出上报文件 (and 补报说明) and sets the reported baseline, then saves the files.
 */
export function useExport(input: ExportInput): ExportView {
  const { session, ledger, ledgerActions, signer, files, profile, locale } = input;
  const today = input.today ?? todayInChina();
  const [format, setFormat] = React.useState<UploadFormat>('xlsx');
  const [headerStyle, setHeaderStyle] = React.useState<HeaderStyle>('code');
  const [pattern, setPattern] = React.useState(DEFAULT_FILE_PATTERN);
  const [requireApproval, setRequireApproval] = React.useState(false);
  const [decisionNumber, setDecisionNumber] = React.useState('');
  const [decisionDate, setDecisionDateState] = React.useState('');
  const [lateReason, setLateReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<ExportNotice>();
  const [result, setResult] = React.useState<ExportResult>();
  const [publicityStart, setPublicityStart] = React.useState(today);
  const [publicityDays, setPublicityDays] = React.useState(DEFAULT_PUBLICITY_DAYS);
  const [includeCollege, setIncludeCollege] = React.useState(false);
  const [includeMajor, setIncludeMajor] = React.useState(false);
  const [preset, setPreset] = React.useState<PhotoPreset>('legacy');
  const [photoEntries, setPhotoEntries] = React.useState<{ source: string; entries: PhotoEntry[] }>();
  const [photoLoading, setPhotoLoading] = React.useState(false);
  const [photoError, setPhotoError] = React.useState<string>();
  const [includePhotos, setIncludePhotos] = React.useState(true);
  const localeRef = React.useRef(locale);
  localeRef.current = locale;

  const { report, records, digest, grids } = session;
  const groups = React.useMemo(() => (report && records ? uploadGroups(report, records) : []), [report, records]);
  const dbfAllowed = groups.length > 0 && groups.every((group) => group.generation === 'G1');
  const effectiveFormat: UploadFormat = format === 'dbf' && !dbfAllowed ? 'xlsx' : format;
  const encoder = React.useMemo<CharEncoder | undefined>(() => (effectiveFormat === 'dbf' ? gbkEncoderFromTextDecoder() : undefined), [effectiveFormat]);
  const exportIssues = React.useMemo(
    () => (groups.length ? exportIssuesOf(groups, effectiveFormat, encoder, locale, columnFinder(grids)) : []),
    [groups, effectiveFormat, encoder, locale, grids],
  );

  let deadline: DeadlineStatus | undefined;
  let deadlineError: string | undefined;
  if (decisionNumber.trim() || decisionDate) {
    try {
      deadline = reportingDeadline({ number: decisionNumber, date: decisionDate }, today);
    } catch (error) {
      deadlineError = error instanceof DecisionError ? bilingual(error.zh, error.en, locale) : String(error);
    }
  }
  const deadlineText = deadline ? bilingual(describeDeadline(deadline).zh, describeDeadline(deadline).en, locale) : undefined;

  // The names the pattern gives (one file per template and category), recomputed only when they can change.
  const { fileNames, patternError } = React.useMemo(() => {
    const names: string[] = [];
    try {
      for (const group of groups) {
        const { batch } = batchOfRecords(group.records, today);
        const fields = { unitCode: profile.unitCode, unitName: profile.unitName, batch, category: group.category, generation: group.generation, today };
        names.push(uploadFileName(pattern, fields, effectiveFormat));
      }
      return { fileNames: names, patternError: undefined };
    } catch (error) {
      return { fileNames: names, patternError: error instanceof FileNamePatternError ? bilingual(error.zh, error.en, locale) : String(error) };
    }
  }, [groups, today, profile, pattern, effectiveFormat, locale]);

  const events = React.useMemo(() => ledger.trail?.events ?? [], [ledger.trail]);
  const gateContext = (trailEvents: readonly AuditEvent[], trail = ledger.trail, changes = ledger.changes) =>
    report && digest && records
      ? {
          report,
          digest,
          events: trailEvents,
          unreadable: trail?.unreadable ?? [],
          signed: trail?.signed,
          exportIssues,
          requireApproval,
          deadline,
          lateReason,
          records,
          changes: changes ?? { entries: [] },
          today,
        }
      : undefined;
  const context = gateContext(events);
  // Recomputed when anything it reads changes (the deadline by its values: it is a new object every render).
  const deadlineKey = deadline ? `${deadline.decision.number}|${deadline.deadline}|${deadline.today}` : '';
  const contextRef = React.useRef(context);
  contextRef.current = context;
  const gated = React.useMemo(
    () => (contextRef.current && ledger.trail ? gateOf(contextRef.current) : undefined),
    [report, digest, records, ledger.trail, ledger.changes, exportIssues, requireApproval, deadlineKey, lateReason, today],
  );
  const reasons = gated && !gated.decision.ok ? gated.decision.reasons.map((reason) => (locale === 'zh-CN' ? reason.zh : reason.en)) : [];

  const publicity = React.useMemo(() => {
    if (!records || records.length === 0) return { list: undefined, error: undefined };
    try {
      const period = publicityPeriod(compactDate(publicityStart), { days: publicityDays });
      const { batch } = batchOfRecords(records, today);
      return {
        list: buildPublicityList(records, { unitName: profile.unitName, period, batch, includeCollege, includeMajor, profile }),
        error: undefined,
      };
    } catch (error) {
      return { list: undefined, error: (error as Error).message };
    }
  }, [records, publicityStart, publicityDays, includeCollege, includeMajor, profile, today]);

  const photoCheck = React.useMemo(
    () => (photoEntries && records ? checkPhotos(photoEntries.entries, records, PHOTO_PRESETS[preset]) : undefined),
    [photoEntries, records, preset],
  );

  const save = React.useCallback(
    async (file: PlannedFile): Promise<SavedFileView> => {
      try {
        const outcome = await files.saveFile(file.name, file.bytes, file.mime);
        return { name: file.name, kind: file.kind, method: outcome.method, sha256: file.sha256, rows: file.rows, message: outcome.message?.[localeRef.current] };
      } catch (error) {
        return { name: file.name, kind: file.kind, method: 'none', sha256: file.sha256, rows: file.rows, message: describePortError(error, localeRef.current) };
      }
    },
    [files],
  );

  const exportNow = () => {
    if (!context || !gated?.decision.ok || busy || !signer.ready || patternError) return;
    setBusy(true);
    setNotice(undefined);
    setResult(undefined);
    signer.remember();
    void (async () => {
      try {
        const companions: PlannedFile[] = [];
        if (photoCheck && includePhotos && photoCheck.accepted.length > 0 && fileNames[0]) {
          const bytes = await buildPhotoPackage(photoCheck);
          const name = photoPackageName(fileNames[0]);
          companions.push({ kind: 'photos', name, bytes, mime: mimeTypeOf(name), sha256: sha256OfBytes(bytes) });
        }
        let plan: ExportPlan | undefined;
        let refused: string[] | undefined;
        await ledgerActions.write((trail, changes) => {
          const fresh = gateContext(trail.events, trail, changes);
          if (!fresh) return undefined;
          const { decision } = gateOf(fresh);
          if (!decision.ok) {
            refused = decision.reasons.map((reason) => (localeRef.current === 'zh-CN' ? reason.zh : reason.en));
            return undefined;
          }
          plan = planExport({
            groups,
            records: records!,
            report: report!,
            digest: digest!,
            events: trail.events,
            signOffs: [decision.collected, decision.checked, ...(decision.approved ? [decision.approved] : [])],
            format: effectiveFormat,
            headerStyle,
            encoder,
            pattern,
            profile,
            today,
            deadline,
            lateReason,
            actor: { name: signer.identity.name.trim(), staffId: signer.identity.staffId.trim(), role: EXPORTER_ROLE },
            rulesVersion: RULES_VERSION,
            addinVersion: ADDIN_VERSION,
            companions,
          });
          return { events: plan.events, baseline: plan.baseline };
        });
        if (refused) {
          setNotice({ intent: 'error', key: 'export.refused', lines: refused });
          return;
        }
        if (!plan) return;
        const saved: SavedFileView[] = [];
        for (const file of plan.files) saved.push(await save(file));
        setResult({ plan, saved });
        const notSaved = saved.filter((file) => file.method === 'none');
        setNotice(
          notSaved.length === 0
            ? { intent: 'success', key: 'export.done', params: { files: saved.length, rows: records!.length, seq: plan.baseline.event.seq } }
            : { intent: 'warning', key: 'export.notSaved', params: { count: notSaved.length }, lines: notSaved.map((file) => `${file.name}：${file.message ?? ''}`) },
        );
      } catch (error) {
        setNotice({ intent: 'error', key: 'export.failed', params: { message: describePortError(error, localeRef.current) } });
      } finally {
        setBusy(false);
      }
    })();
  };

  const writeToSheet = () => {
    const uploads = result?.plan.uploads;
    if (!uploads?.length) return;
    setBusy(true);
    void (async () => {
      try {
        const sheets: string[] = [];
        for (const upload of uploads) sheets.push((await files.writeRowsToNewSheet(upload.name.replace(/\.(xlsx|dbf)$/i, '').slice(0, 31), upload.rows)).sheet);
        setNotice({ intent: 'success', key: 'export.sheetWritten', params: { sheets: sheets.join('、') } });
      } catch (error) {
        setNotice({ intent: 'error', key: 'export.sheetFailed', params: { message: describePortError(error, localeRef.current) } });
      } finally {
        setBusy(false);
      }
    })();
  };

  const loadPhotos = (source: string, read: () => Promise<PhotoEntry[]>) => {
    setPhotoLoading(true);
    setPhotoError(undefined);
    void read().then(
      (entries) => {
        setPhotoEntries({ source, entries });
        setPhotoLoading(false);
      },
      (error: unknown) => {
        setPhotoError(describePortError(error, localeRef.current));
        setPhotoLoading(false);
      },
    );
  };

  return {
    format: effectiveFormat,
    setFormat,
    dbfAllowed,
    headerStyle,
    setHeaderStyle,
    pattern,
    setPattern,
    fileNames,
    patternError,
    requireApproval,
    setRequireApproval,
    decisionNumber,
    setDecisionNumber,
    decisionDate,
    setDecisionDate: (value) => setDecisionDateState(compactDate(value)),
    deadline,
    deadlineText,
    deadlineError,
    lateReason,
    setLateReason,
    exportIssues,
    gate: gated?.decision,
    blockers: gated?.blockers ?? [],
    reasons,
    canExport: gated?.decision.ok === true && !busy && !ledger.busy && signer.ready && !patternError && session.status === 'done',
    busy: busy || ledger.busy,
    notice,
    result,
    exportNow,
    writeToSheet,
    publicity: {
      start: publicityStart,
      setStart: (value) => setPublicityStart(compactDate(value)),
      days: publicityDays,
      setDays: setPublicityDays,
      includeCollege,
      setIncludeCollege,
      includeMajor,
      setIncludeMajor,
      list: publicity.list,
      error: publicity.error,
      save() {
        if (!publicity.list) return;
        const bytes = writePublicityXlsx(publicity.list);
        const name = `${profile.unitCode}_${publicity.list.period.from}_公示名单.xlsx`;
        void save({ kind: 'publicity', name, bytes, mime: mimeTypeOf(name), sha256: sha256OfBytes(bytes) }).then((saved) =>
          setNotice(
            saved.method === 'none'
              ? { intent: 'warning', key: 'export.notSaved', params: { count: 1 }, lines: [`${saved.name}：${saved.message ?? ''}`] }
              : { intent: 'success', key: 'publicity.saved', params: { name } },
          ),
        );
      },
      toSheet() {
        if (!publicity.list) return;
        files.writeRowsToNewSheet('公示名单', publicityRows(publicity.list)).then(
          (written) => setNotice({ intent: 'success', key: 'export.sheetWritten', params: { sheets: written.sheet } }),
          (error: unknown) => setNotice({ intent: 'error', key: 'export.sheetFailed', params: { message: describePortError(error, localeRef.current) } }),
        );
      },
    },
    photos: {
      source: photoEntries?.source,
      loading: photoLoading,
      check: photoCheck,
      error: photoError,
      preset,
      setPreset,
      loadFolder(list) {
        const chosen = Array.from(list as ArrayLike<File>);
        const root = (chosen[0] as File & { webkitRelativePath?: string })?.webkitRelativePath?.split('/')[0] || `${chosen.length}`;
        loadPhotos(root, async () =>
          Promise.all(
            chosen.map(async (file) => ({ name: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, bytes: await readFileBytes(file) })),
          ),
        );
      },
      loadZip(file) {
        loadPhotos(file.name, async () => {
          const { default: JSZip } = await import('jszip');
          const zip = await JSZip.loadAsync(await readFileBytes(file), {
            // Names without the zip's UTF-8 flag come from Chinese Windows: GBK (ID-number names are ASCII either way).
            decodeFileName: (name) => new TextDecoder('gbk').decode(name as Uint8Array),
          });
          const entries: PhotoEntry[] = [];
          for (const entry of Object.values(zip.files)) if (!entry.dir) entries.push({ name: entry.name, bytes: await entry.async('uint8array') });
          return entries.sort((a, b) => a.name.localeCompare(b.name));
        });
      },
      includeInExport: includePhotos,
      setIncludeInExport: setIncludePhotos,
      savePackage() {
        if (!photoCheck || photoCheck.accepted.length === 0) return;
        void (async () => {
          const bytes = await buildPhotoPackage(photoCheck);
          const name = photoPackageName(fileNames[0] ?? `${profile.unitCode}.xlsx`);
          const saved = await save({ kind: 'photos', name, bytes, mime: mimeTypeOf(name), sha256: sha256OfBytes(bytes) });
          setNotice(
            saved.method === 'none'
              ? { intent: 'warning', key: 'export.notSaved', params: { count: 1 }, lines: [`${saved.name}：${saved.message ?? ''}`] }
              : { intent: 'success', key: 'photos.saved', params: { name, count: photoCheck.accepted.length } },
          );
        })();
      },
    },
    dismissNotice: () => setNotice(undefined),
  };
}
