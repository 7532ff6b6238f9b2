/**
 * The pane's WorkbookPort over the Excel gateway (src/excel) — the only place the pane reaches Office.js, and
 * only through the gateway's functions. Works the same on real Excel and on the simulator (demo, tests).
 */
import {
  appendAuditEvent,
  applyMarks,
  clearMarks,
  readAuditTrail,
  readTemplateSheets,
  selectCell,
  writeIssuesSheet,
  type GatewayNotice,
  type StoreNotice,
} from '../excel';
import type { PanePorts, StoreNoticeView } from './ports';
import type { WorkbookFinding, WorkbookPort } from './workbookPort';
import { parseXuejiFile } from './xuejiFile';

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

/** Raised by a port whose gateway function this build does not have. */
class Unavailable extends Error {
  readonly text = {
    'zh-CN': '此版本的加载项还不能完成这项操作（缺少对应的 Excel 网关功能）。',
    'en-US': 'This build of the add-in cannot do this yet (the Excel gateway function is missing).',
  };
  constructor(what: string) {
    super(`unavailable: ${what}`);
  }
}

/**
 * The later steps' ports over the gateway: the audit trail in `_dd_audit`/`_dd_digests`, 学籍 sheets and the
 * 采用学籍值 fix, the baseline and change log, and saving files — each appended or written as the gateway does it
 * (VeryHidden, protected once, read back).
 */
export function createOfficePanePorts(): PanePorts {
  return {
    audit: {
      async readAuditTrail() {
        const trail = await readAuditTrail();
        return { events: trail.events, unreadable: trail.unreadable, signed: trail.signed, exists: trail.exists, notices: trail.notices.map(storeNotice) };
      },
      async appendAuditEvents(events, signed) {
        const notices: StoreNoticeView[] = [];
        let appended = 0;
        for (const [index, event] of events.entries()) {
          // The row digests go with the last event (a sign-off appends one event).
          const result = await appendAuditEvent(event, index === events.length - 1 ? signed : undefined);
          notices.push(...result.notices.map(storeNotice));
          if (!result.appended) {
            const blocking = result.notices.find((notice) => 'blocking' in notice && notice.blocking);
            throw Object.assign(new Error(blocking?.message['en-US'] ?? 'the audit event was not written'), {
              text: blocking?.message ?? { 'zh-CN': '审计记录没有写入。', 'en-US': 'The audit event was not written.' },
            });
          }
          appended++;
        }
        return { appended, verified: true, notices };
      },
    },
    xueji: {
      async findXuejiSheets() {
        throw new Unavailable('readXuejiSheets');
      },
      parseXuejiFile: (name, bytes) => parseXuejiFile(name, bytes),
      async applyXuejiValue() {
        throw new Unavailable('applyXuejiValue');
      },
    },
    changes: {
      async readChanges() {
        return { entries: [], unreadableBaseline: [], unreadableChanges: [] };
      },
      async writeBaseline() {
        throw new Unavailable('writeBaseline');
      },
      async appendChangeStep() {
        throw new Unavailable('appendChangeStep');
      },
    },
    files: {
      async saveFile() {
        throw new Unavailable('saveFile');
      },
      async writeRowsToNewSheet() {
        throw new Unavailable('writeRowsToNewSheet');
      },
    },
  };
}
