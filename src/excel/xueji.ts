/// <reference types="office-js" />
/**
 * 学籍 in the add-in (issue 5): the 学籍/学历 sheets of the open workbook, read in blocks like the template sheets
 * and recognised by the core (findXuejiSheets); and the one-click 采用学籍值 fix, which writes the 学籍 value into a
 * degree cell — never into a key field (姓名, 性别, 出生日期, 证件号码) — and describes the fix for the audit event.
 */
import type { AuditAction } from '../core/audit/events';
import type { Issue } from '../core/model/types';
import { FIELDS } from '../core/template/fields';
import { XUEJI_ADOPTABLE_RULES, XUEJI_KEY_FIELDS, XUEJI_KEY_RULES } from '../core/xueji/fields';
import { findXuejiSheets, type XuejiSheet } from '../core/xueji/sheet';
import { errors, type GatewayError, type GatewayNotice } from './messages';
import { readSheets, type ReadOptions, type ReadStats } from './read';
import { cellText } from './records';
import { runExcel } from './run';

export interface XuejiRead {
  /** The sheets that look like a 学信网 学籍/学历 export (hidden ones included), with their records. */
  sheets: XuejiSheet[];
  notices: GatewayNotice[];
  stats: ReadStats;
}

/**
 * Finds and reads the 学籍-looking sheets of the open workbook (not the degree template, not the add-in's own
 * sheets): the first rows of every sheet, then the 学籍 sheets in row blocks, one sync each.
 */
export async function readXuejiSheets(options: ReadOptions = {}): Promise<XuejiRead> {
  const { grids, notices, stats } = await readSheets(options, 'xueji');
  return { sheets: findXuejiSheets(grids), notices, stats };
}

// The gateway refuses what the pane never offers: one definition in the core serves both.
export { XUEJI_ADOPTABLE_RULES, XUEJI_KEY_FIELDS, XUEJI_KEY_RULES };

/** Whether the pane may offer 采用学籍值 for an issue. */
export function canAdoptXuejiValue(issue: Pick<Issue, 'rule' | 'field' | 'row' | 'column'>): boolean {
  return (
    XUEJI_ADOPTABLE_RULES.has(issue.rule) &&
    !XUEJI_KEY_RULES.has(issue.rule) &&
    issue.field !== null &&
    !XUEJI_KEY_FIELDS.has(issue.field) &&
    issue.row !== null &&
    issue.column !== null
  );
}

/**
 * A fix that was applied, described for its audit event: the pane builds the event (nextEvent with the signer)
 * from `action`, `scope` and `note`. Holds no value and no ID number: field code and row only.
 */
export interface XuejiFix {
  action: Extract<AuditAction, '采用学籍值'>;
  sheet: string;
  /** Excel row and column of the cell. */
  row: number;
  column: string;
  address: string;
  field: string;
  rule: string;
  /** For the audit event: `Sheet!row`. */
  scope: string;
  /** For the audit event: the field code and the row, in Chinese and English. */
  note: string;
}

export interface ApplyXuejiOptions {
  /** Called after the value was written and read back, e.g. to append the 采用学籍值 audit event. Awaited. */
  onFix?: (fix: XuejiFix) => unknown;
}

function refuseKeyField(field: string): GatewayError {
  const definition = FIELDS[field];
  return errors.keyField({ zh: definition ? `${definition.label}（${field}）` : field, en: definition ? `${definition.en} (${field})` : field });
}

/**
 * The one-click 采用学籍值 fix: writes `value` (the 学籍 value; default the issue's suggestion) into the issue's
 * cell as text (number format `@` first), after checking that the cell still holds the value the issue was raised
 * on, and reads it back. Refuses key fields (GatewayError 'keyField') and issues that are no 学籍 difference
 * ('notAdoptable'); a protected sheet, a missing sheet or a changed cell stop it with nothing changed. Three syncs.
 */
export async function applyXuejiValue(issue: Issue, value?: string, options: ApplyXuejiOptions = {}): Promise<XuejiFix> {
  const field = issue.field ?? '';
  if (XUEJI_KEY_RULES.has(issue.rule) || XUEJI_KEY_FIELDS.has(field)) throw refuseKeyField(XUEJI_KEY_FIELDS.has(field) ? field : keyFieldOf(issue.rule));
  const adopted = value ?? issue.suggestion;
  if (!canAdoptXuejiValue(issue) || adopted === undefined) throw errors.notAdoptable(issue.rule);
  const address = `${issue.column}${issue.row}`;
  await runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(issue.sheet);
    sheet.protection.load('protected');
    const cell = sheet.getRange(address).load('values');
    await context.sync();
    if (sheet.isNullObject) throw errors.sheetNotFound(issue.sheet);
    if (sheet.protection.protected) throw errors.sheetProtected([issue.sheet], 'fix');
    if (cellText(cell.values[0][0]) !== (issue.value ?? '')) throw errors.cellChanged(issue.sheet, address);
    cell.numberFormat = [['@']];
    cell.values = [[adopted]];
    await context.sync();
    // Read back in a sync of its own: what Excel holds now, not what was queued.
    const back = sheet.getRange(address).load('values');
    await context.sync();
    if (cellText(back.values[0][0]) !== adopted) throw errors.notVerified(issue.sheet, address);
  });
  const fix: XuejiFix = {
    action: '采用学籍值',
    sheet: issue.sheet,
    row: issue.row!,
    column: issue.column!,
    address,
    field,
    rule: issue.rule,
    scope: `${issue.sheet}!${issue.row}`,
    note: `采用学籍值：${field}，第 ${issue.row} 行 / adopted the 学籍 value: ${field}, row ${issue.row}`,
  };
  await options.onFix?.(fix);
  return fix;
}

function keyFieldOf(rule: string): string {
  return { 'xueji.name': 'XM', 'xueji.idNumber': 'ZJHM', 'xueji.birthDate': 'CSRQ', 'xueji.sex': 'XB' }[rule] ?? rule;
}
