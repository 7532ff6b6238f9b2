import type { AuditEvent } from '../../core/audit/events';
import type { SignedDigests } from '../../core/audit/sheetFormat';
import { KEY_FIELDS, type Baseline, type ChangeEntry } from '../../core/changes';
import { columnIndex } from '../../core/util/columns';
import { findXuejiSheets } from '../../core/xueji/sheet';
import type { PanePorts, XuejiFix } from '../ports';
import { parseXuejiFile } from '../../excel';
import type { MemoryPort } from './memoryPort';

/**
 * The ports of the later steps over memory, for the pane's tests: the audit trail, baseline and change log are
 * arrays; 采用学籍值 writes into the MemoryPort's grids (so a new validation sees the value); saved files and new
 * sheets are recorded.
 */
export class MemoryPanePorts implements PanePorts {
  events: AuditEvent[] = [];
  signed: SignedDigests | undefined;
  baseline: Baseline | undefined;
  entries: ChangeEntry[] = [];
  readonly saved: { name: string; bytes: Uint8Array; mime: string }[] = [];
  readonly sheets: { name: string; rows: string[][] }[] = [];
  readonly fixes: XuejiFix[] = [];
  /** Simulates Excel builds whose protect() fails with AccessDenied. */
  protectionFails = false;

  constructor(readonly workbook: MemoryPort) {}

  audit: PanePorts['audit'] = {
    readAuditTrail: async () => ({ events: [...this.events], unreadable: [], signed: this.signed, exists: this.events.length > 0 }),
    appendAuditEvents: async (events, signed) => {
      this.events.push(...events);
      if (signed) this.signed = signed;
      const notices = this.protectionFails
        ? [{ kind: 'protectFailed', sheet: '_dd_audit', message: { 'zh-CN': '记录已写入，但 Excel 拒绝保护记录表（AccessDenied）', 'en-US': 'Written, but Excel refused to protect the record sheet (AccessDenied)' } }]
        : undefined;
      return { appended: events.length, verified: true, notices };
    },
  };

  xueji: PanePorts['xueji'] = {
    findXuejiSheets: async () => findXuejiSheets(this.workbook.grids),
    parseXuejiFile: async (name, bytes) => (await parseXuejiFile({ name, bytes })).sheets,
    applyXuejiValue: async (fix) => {
      const { issue } = fix;
      if (issue.field === null || issue.row === null || issue.column === null) throw new Error('not a cell');
      if (KEY_FIELDS.has(issue.field) || issue.field === 'CSRQ') throw new Error(`key field ${issue.field}`);
      const grid = this.workbook.grids.find((g) => g.name === issue.sheet);
      if (!grid) throw new Error(`no sheet ${issue.sheet}`);
      grid.values[issue.row - grid.startRow][columnIndex(issue.column) - grid.startColumn] = fix.value;
      this.fixes.push(fix);
    },
  };

  changes: PanePorts['changes'] = {
    readChanges: async () => ({ baseline: this.baseline, unreadableBaseline: [], entries: [...this.entries], unreadableChanges: [] }),
    writeBaseline: async (baseline, event) => {
      this.baseline = baseline;
      this.events.push(event);
      return { appended: 1, verified: true };
    },
    appendChangeStep: async (step) => {
      this.entries.push(step.entry);
      this.events.push(step.event);
      return { appended: 1, verified: true };
    },
  };

  files: PanePorts['files'] = {
    saveFile: async (name, bytes, mime) => {
      this.saved.push({ name, bytes, mime });
      return { method: 'download' as const };
    },
    writeRowsToNewSheet: async (name, rows) => {
      this.sheets.push({ name, rows: rows.map((row) => [...row]) });
      return { sheet: name };
    },
  };
}
