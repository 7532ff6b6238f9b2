/**
 * The pane's WorkbookPort over the Excel gateway (src/excel) — the only place the pane reaches Office.js, and
 * only through the gateway's functions. Works the same on real Excel and on the simulator (demo, tests).
 */
import { applyMarks, clearMarks, readTemplateSheets, selectCell, writeIssuesSheet, type GatewayNotice } from '../excel';
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
