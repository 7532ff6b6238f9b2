/**
 * Appending a step to the change log: every step is one `_dd_changes` row and one audit event whose datasetDigest is
 * the digest of that row, so that the hidden row cannot be edited afterwards without the chain showing it.
 * Steps are built here and written by the caller (src/node/changesStore.ts, or the add-in's gateway).
 */
import { nextEvent } from '../audit/chain';
import type { DigestableRecord } from '../audit/digest';
import { ACTION_MEANINGS, chinaTime, type AuditAction, type AuditEvent, type Role } from '../audit/events';
import type { Category, Generation } from '../model/types';
import type { Actor, Baseline, BaselineRow, SheetKind } from './baseline';
import { diffRecords, refOf, type RecordDiff } from './diff';
import { entryDigest, type ChangeEntry } from './sheetFormat';

/** What the change procedures read: the audit trail, the change log and the baseline, as stored in the workbook. */
export interface ChangeContext {
  events: readonly AuditEvent[];
  entries: readonly ChangeEntry[];
  baseline?: Baseline;
}

/** A step to write: the new `_dd_changes` row and the audit event that records it. */
export interface ChangeStep {
  entry: ChangeEntry;
  event: AuditEvent;
}

/** A step that the rules refuse, with the reason in Chinese and English. */
export interface Refusal {
  ok: false;
  reason: string;
  message: string;
}

export type StepResult = ({ ok: true } & ChangeStep) | Refusal;

export const refuse = (reason: string, zh: string, en: string): Refusal => ({ ok: false, reason, message: `${zh} / ${en}` });

/** Which audit role a step is signed in: the college side applies and reviews, the degree office decides. */
const ROLE_OF: Partial<Record<AuditAction, Role>> = {
  更正申请: 'collector',
  二级学院审核: 'checker',
  学校审批: 'office',
  撤销学位: 'office',
  删除记录: 'office',
};

/**
 * Builds the row and its event. The audit note names the step and the fields, never values or reasons (which may
 * hold personal data): those stay in the hidden `_dd_changes` row, bound to the event by its digest.
 */
export function buildStep(
  context: ChangeContext,
  partial: Omit<ChangeEntry, 'entry' | 'time' | 'actor' | 'auditSeq'>,
  audit: { action: AuditAction; meaning?: string; note: string },
  by: Actor,
  now: Date,
): ChangeStep {
  const { events, entries } = context;
  const entry: ChangeEntry = {
    ...partial,
    entry: entries.length === 0 ? 1 : Math.max(...entries.map((e) => e.entry)) + 1,
    time: chinaTime(now),
    actor: by.actor.trim(),
    auditSeq: events.length === 0 ? 1 : events[events.length - 1].seq + 1,
  };
  const event = nextEvent(
    events,
    {
      actor: by.actor.trim(),
      actorId: by.actorId ?? '',
      role: ROLE_OF[audit.action] ?? 'office',
      action: audit.action,
      meaning: audit.meaning ?? ACTION_MEANINGS[audit.action],
      scope: partial.sheet ? `${partial.sheet}!${partial.row}` : '',
      datasetDigest: entryDigest(entry),
      rulesVersion: by.rulesVersion,
      addinVersion: by.addinVersion,
      note: audit.note,
    },
    now,
  );
  if (event.seq !== entry.auditSeq || event.time !== entry.time) throw new Error('buildStep: event and entry disagree');
  return { entry, event };
}

/** The actions whose events each record one `_dd_changes` row. */
const LOGGED_ACTIONS: ReadonlySet<AuditAction> = new Set(['更正申请', '二级学院审核', '学校审批', '撤销学位', '删除记录']);

export interface LogProblem {
  kind: 'entryAltered' | 'entryWithoutEvent' | 'eventWithoutEntry' | 'unreadable';
  id?: string;
  auditSeq?: number;
  message: string;
}

/** Every `_dd_changes` row against its audit event, and every change event against its row. */
export function checkChangeLog(entries: readonly ChangeEntry[], events: readonly AuditEvent[], unreadable: readonly number[] = []): LogProblem[] {
  const problems: LogProblem[] = [];
  for (const row of unreadable) {
    problems.push({ kind: 'unreadable', message: `更正记录表第 ${row} 行无法读取 / change log row ${row} cannot be read` });
  }
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  const logged = new Set<number>();
  for (const entry of entries) {
    logged.add(entry.auditSeq);
    const event = bySeq.get(entry.auditSeq);
    if (!event || !LOGGED_ACTIONS.has(event.action)) {
      problems.push({
        kind: 'entryWithoutEvent',
        id: entry.id,
        auditSeq: entry.auditSeq,
        message: `${entry.id} 的记录在审计链中没有对应事件 / the change log row of ${entry.id} has no audit event`,
      });
    } else if (event.datasetDigest !== entryDigest(entry)) {
      problems.push({
        kind: 'entryAltered',
        id: entry.id,
        auditSeq: entry.auditSeq,
        message: `${entry.id} 的记录在写入后被修改（审计第 ${entry.auditSeq} 号） / the change log row of ${entry.id} was edited after it was written (event ${entry.auditSeq})`,
      });
    }
  }
  for (const event of events) {
    if (LOGGED_ACTIONS.has(event.action) && !logged.has(event.seq)) {
      problems.push({
        kind: 'eventWithoutEntry',
        auditSeq: event.seq,
        message: `审计第 ${event.seq} 号“${event.action}”的更正记录已不在表中 / the change log row of event ${event.seq} (${event.action}) is missing`,
      });
    }
  }
  return problems;
}

/**
 * The record a step is about. `current` is the record in the data now (absent when it was already removed from the
 * sheet); `reported` its row in the baseline (absent when it was never reported).
 */
export interface RecordTarget {
  sheet: string;
  row: number;
  template: Generation;
  category: Category;
  current?: DigestableRecord;
  reported?: BaselineRow;
}

export type TargetLookup =
  | { ok: true; target: RecordTarget; diff?: RecordDiff }
  | { ok: false; reason: 'noRecord' | 'ambiguousSheet' | 'noBaseline'; message: string };

/**
 * Finds a record by Excel row: `{ row }` in the current data (with `sheet` when several sheets have that row), or
 * `{ reportedRow }` in the baseline, for a record already removed from the sheet.
 */
export function findTarget(
  context: ChangeContext,
  records: readonly DigestableRecord[],
  sheets: readonly SheetKind[],
  where: { sheet?: string; row?: number; reportedRow?: number },
): TargetLookup {
  const diff = context.baseline ? diffRecords(context.baseline.rows, records) : undefined;
  const pick = <T extends { sheet: string }>(list: T[], row: number, what: string, whatEn: string): T | TargetLookup => {
    const found = list.filter((item) => where.sheet === undefined || item.sheet === where.sheet);
    if (found.length === 0) {
      return {
        ok: false,
        reason: 'noRecord',
        message: `${where.sheet ? `工作表“${where.sheet}”` : ''}${what}第 ${row} 行没有记录 / no record at ${whatEn} row ${row}${where.sheet ? ` of sheet “${where.sheet}”` : ''}`,
      };
    }
    if (found.length > 1) {
      const names = found.map((f) => f.sheet).join('、');
      return { ok: false, reason: 'ambiguousSheet', message: `多个工作表都有第 ${row} 行（${names}），请指定工作表 / several sheets have row ${row} (${names}): name the sheet` };
    }
    return found[0];
  };
  if (where.reportedRow !== undefined) {
    if (!context.baseline || !diff) return { ok: false, reason: 'noBaseline', message: '还没有已上报基线 / there is no reported baseline yet' };
    const picked = pick(context.baseline.rows.filter((b) => b.row === where.reportedRow), where.reportedRow, '已上报基线中', 'reported');
    if ('ok' in picked) return picked;
    const current = diff.matches.get(refOf(picked))?.current;
    return { ok: true, diff, target: { sheet: picked.sheet, row: picked.row, template: picked.template, category: picked.category, reported: picked, current } };
  }
  const row = where.row ?? 0;
  const picked = pick(records.filter((r) => r.excelRow === row), row, '', 'Excel');
  if ('ok' in picked) return picked;
  const kind = sheets.find((s) => s.sheet === picked.sheet);
  if (!kind) return { ok: false, reason: 'noRecord', message: `工作表“${picked.sheet}”不是模板工作表 / sheet “${picked.sheet}” is not a template sheet` };
  let reported: BaselineRow | undefined;
  if (diff) for (const match of diff.matches.values()) if (match.current === picked) reported = match.baseline;
  return { ok: true, diff, target: { sheet: picked.sheet, row: picked.excelRow, template: kind.template, category: kind.category, current: picked, reported } };
}

/** Same person, by name (identities are self-declared, as in sign-off). */
export const samePerson = (a: string, b: string) => a.trim() !== '' && a.trim() === b.trim();
