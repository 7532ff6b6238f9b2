/**
 * The pane's WorkbookPort over the Excel gateway (src/excel) — the only place the pane reaches Office.js, and
 * only through the gateway's functions. Works the same on real Excel and on the simulator (demo, tests).
 */
import {
  appendAuditEvent,
  appendChangeStep,
  applyMarks,
  applyXuejiValue,
  clearMarks,
  parseXuejiFile,
  readAuditTrail,
  readChangeState,
  readTemplateSheets,
  readXuejiSheets,
  saveFile,
  selectCell,
  writeBaseline,
  writeIssuesSheet,
  writeRowsToNewSheet,
  type GatewayNotice,
  type StoreNotice,
} from '../excel';
import type { PanePorts, StoreNoticeView } from './ports';
import type { WorkbookFinding, WorkbookPort } from './workbookPort';

/** The gateway's notices as the pane's findings, keeping the gateway's wording. */
export function findingOf(notice: GatewayNotice): WorkbookFinding {
  const text = notice.message;
  switch (notice.kind) {
    case 'noTemplate':
      return { kind: 'noTemplate', sheets: notice.sheets, text };
    case 'protected':
    case 'filtered':
    case 'hiddenSheet':
      return { kind: notice.kind, sheet: notice.sheet, text };
    case 'huge':
      return { kind: 'huge', sheet: notice.sheet, rows: notice.rows, text };
    case 'mergedHeader':
      return { kind: 'mergedHeader', sheet: notice.sheet, address: notice.address, text };
    case 'formulas':
      return { kind: 'formulas', sheet: notice.sheet, count: notice.count, address: notice.address, text };
    case 'hiddenRows':
    case 'hiddenColumns':
      return { kind: notice.kind, sheet: notice.sheet, count: notice.count, text };
    case 'wide':
      return { kind: 'wide', sheet: notice.sheet, columns: notice.columns, text };
    default:
      return { kind: 'other', text: (notice as { message?: WorkbookFinding['text'] }).message };
  }
}

export function createOfficeWorkbookPort(): WorkbookPort {
  return {
    async readTemplateSheets(options) {
      const result = await readTemplateSheets({
        signal: options.signal,
        onProgress: (progress) => options.onProgress?.({ rowsRead: progress.rowsRead, rowsTotal: progress.rowsTotal, sheet: progress.sheet }),
      });
      return { grids: result.grids, findings: result.notices.map(findingOf) };
    },
    async applyMarks(issues) {
      const result = await applyMarks(issues);
      return { marked: result.marked, skipped: result.skipped, notes: result.notes > 0 };
    },
    async clearMarks() {
      const result = await clearMarks();
      return { restored: result.restored };
    },
    async writeIssuesSheet(issues, locale) {
      const result = await writeIssuesSheet(issues, { locale });
      return { sheet: result.sheet, rows: result.rows };
    },
    async selectCell(sheet, row, column) {
      await selectCell(sheet, { row, column });
    },
  };
}

const storeNotice = (notice: StoreNotice): StoreNoticeView => ({
  kind: notice.kind,
  sheet: notice.sheet,
  blocking: 'blocking' in notice ? notice.blocking : undefined,
  message: notice.message,
});

/** A write the gateway could not do at all: its blocking notice (in its own words) becomes the error. */
function notWritten(notices: readonly StoreNotice[], what: { 'zh-CN': string; 'en-US': string }): Error {
  const blocking = notices.find((notice) => 'blocking' in notice && notice.blocking) ?? notices[notices.length - 1];
  const text = blocking?.message ?? what;
  return Object.assign(new Error(text['en-US']), { text });
}

/**
 * The later steps' ports over the gateway: the audit trail in `_dd_audit`/`_dd_digests`, 学籍 sheets and the
 * 采用学籍值 fix, the baseline and change log (each row with its audit event in one run), and saving files — each
 * written as the gateway does it (VeryHidden, protected once, read back; AccessDenied as notices).
 */
export function createOfficePanePorts(): PanePorts {
  return {
    audit: {
      async readAuditTrail() {
        const trail = await readAuditTrail();
        return { events: trail.events, unreadable: trail.unreadable, signed: trail.signed, exists: trail.exists, notices: trail.notices.map(storeNotice) };
      },
      async appendAuditEvents(events, signed) {
        const result = await appendAuditEvent(events, signed);
        if (!result.appended) throw notWritten(result.notices, { 'zh-CN': '审计记录没有写入。', 'en-US': 'The audit event was not written.' });
        return { appended: result.rows.length, verified: true, notices: result.notices.map(storeNotice) };
      },
    },
    xueji: {
      async findXuejiSheets() {
        return (await readXuejiSheets()).sheets;
      },
      async parseXuejiFile(name, bytes) {
        return (await parseXuejiFile({ name, bytes })).sheets;
      },
      async applyXuejiValue(fix) {
        await applyXuejiValue(fix.issue, fix.value);
      },
    },
    changes: {
      async readChanges() {
        const state = await readChangeState();
        return {
          baseline: state.baseline,
          unreadableBaseline: state.unreadableBaseline,
          entries: state.entries,
          unreadableChanges: state.unreadableChanges,
        };
      },
      async writeBaseline(baseline, event) {
        const result = await writeBaseline(baseline, event);
        if (!result.written) throw notWritten(result.notices, { 'zh-CN': '已上报基线没有写入。', 'en-US': 'The reported baseline was not written.' });
        return { appended: 1, verified: true, notices: result.notices.map(storeNotice) };
      },
      async appendChangeStep(step) {
        const result = await appendChangeStep(step);
        if (!result.written) throw notWritten(result.notices, { 'zh-CN': '更正记录没有写入。', 'en-US': 'The change-log row was not written.' });
        return { appended: 1, verified: true, notices: result.notices.map(storeNotice) };
      },
    },
    files: {
      async saveFile(name, bytes, mime) {
        const result = await saveFile(name, bytes, mime);
        return { method: result.path, message: result.message };
      },
      async writeRowsToNewSheet(name, rows) {
        const result = await writeRowsToNewSheet(name, rows);
        return { sheet: result.sheet };
      },
    },
  };
}
