/**
 * The publicity list (公示名单) of 第十一条（三）: the key facts of each degree — 姓名, 学位类别, 获学位日期, and
 * optionally the 二级学院 (the sheet the row came from) and the major — made public inside the school before
 * reporting. Built from an explicit whitelist of fields, so no 证件号码 or other personal data can slip in.
 */
import { codesFor } from '../codes/lookups';
import { DEFAULT_PROFILE, type SchoolProfile } from '../profile/profile';
import { isRealDate } from '../util/dates';
import { addDays } from './deadline';
import { escapeHtml, printablePage } from './html';
import { writeTextXlsx, type ExportRecord } from './uploadFile';

export interface PublicityEntry {
  name: string;
  /** 学位类别 by name, e.g. 文学学士学位. */
  degree: string;
  /** YYYYMMDD */
  awardDate: string;
  college?: string;
  major?: string;
}

export interface PeriodOptions {
  /** Length of the publicity (default 5). */
  days?: number;
  /** Count working days, Monday to Friday (default), or calendar days. */
  workingDays?: boolean;
  /** Public holidays (YYYYMMDD) that are not working days. */
  holidays?: readonly string[];
  /** Weekend days worked in exchange for a holiday (调休), YYYYMMDD. */
  workdays?: readonly string[];
}

export interface PublicityPeriod {
  from: string;
  to: string;
  days: number;
  workingDays: boolean;
}

export const DEFAULT_PUBLICITY_DAYS = 5;

function weekday(yyyymmdd: string): number {
  return new Date(Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)))).getUTCDay();
}

/** Whether a day is a working day: Monday to Friday unless a holiday, or a listed 调休 day. */
export function isWorkingDay(date: string, options: Pick<PeriodOptions, 'holidays' | 'workdays'> = {}): boolean {
  if (options.workdays?.includes(date)) return true;
  if (options.holidays?.includes(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * The publicity period from `start`: by default 5 working days, counted from the first working day on or after
 * `start` (a notice put up on a Saturday runs from the Monday). The period ends on the last of those days.
 */
export function publicityPeriod(start: string, options: PeriodOptions = {}): PublicityPeriod {
  if (!isRealDate(start)) throw new RangeError(`the publicity start “${start}” is not a date (YYYYMMDD)`);
  const days = options.days ?? DEFAULT_PUBLICITY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 60) throw new RangeError(`the publicity length must be 1 to 60 days, not ${days}`);
  const workingDays = options.workingDays ?? true;
  if (!workingDays) return { from: start, to: addDays(start, days - 1), days, workingDays };
  let from = start;
  while (!isWorkingDay(from, options)) from = addDays(from, 1);
  let to = from;
  for (let counted = 1; counted < days; ) {
    to = addDays(to, 1);
    if (isWorkingDay(to, options)) counted++;
  }
  return { from, to, days, workingDays };
}

export interface PublicityOptions {
  unitName: string;
  period: PublicityPeriod;
  /** 年度批次 for the title, e.g. 2026-2. */
  batch?: string;
  title?: string;
  /** Show the 二级学院 (the sheet name) and the major. */
  includeCollege?: boolean;
  includeMajor?: boolean;
  /** The line under the list: where to raise an objection. */
  note?: string;
  /** Date of the notice under the list, YYYYMMDD (default: the first day of the period). */
  issuedOn?: string;
  profile?: SchoolProfile;
}

export interface PublicityList {
  title: string;
  unitName: string;
  period: PublicityPeriod;
  columns: ('name' | 'degree' | 'awardDate' | 'college' | 'major')[];
  entries: PublicityEntry[];
  note: string;
  issuedOn: string;
}

/** 2026-2 → 2026年第2批 */
function batchTitle(batch: string): string {
  const match = /^(\d{4})-(\d)$/.exec(batch);
  return match ? `${match[1]}年第${match[2]}批` : batch;
}

export function buildPublicityList(records: readonly ExportRecord[], options: PublicityOptions): PublicityList {
  const catalogue = codesFor(options.profile ?? DEFAULT_PROFILE);
  const entries = records.map((record): PublicityEntry => {
    const v = record.values;
    const degree = v.XWLB || catalogue.codes.degreeType.byCode(v.XWLBM ?? '')?.name || v.XWLBM || '';
    const entry: PublicityEntry = { name: v.XM ?? '', degree, awardDate: v.HXWRQ ?? '' };
    if (options.includeCollege) entry.college = record.sheet;
    if (options.includeMajor) entry.major = v.ZSZYMC || v.ZYMC || catalogue.major(v.ZYDM ?? '')?.name || v.ZYDM || '';
    return entry;
  });
  const columns: PublicityList['columns'] = ['name', 'degree', 'awardDate'];
  if (options.includeCollege) columns.splice(0, 0, 'college');
  if (options.includeMajor) columns.splice(columns.indexOf('degree'), 0, 'major');
  return {
    title: options.title ?? `${options.unitName}${options.batch ? batchTitle(options.batch) : ''}学士学位授予名单公示`,
    unitName: options.unitName,
    period: options.period,
    columns,
    entries,
    note: options.note ?? '如对名单有异议，请在公示期内以书面形式向学校学位办公室反映。',
    issuedOn: options.issuedOn ?? options.period.from,
  };
}

const HEADERS: Record<PublicityList['columns'][number], string> = {
  name: '姓名',
  degree: '学位类别',
  awardDate: '获学位日期',
  college: '二级学院',
  major: '专业',
};

/** 20260620 → 2026年6月20日 */
export function chineseDate(yyyymmdd: string): string {
  if (!/^\d{8}$/.test(yyyymmdd)) return yyyymmdd;
  return `${yyyymmdd.slice(0, 4)}年${Number(yyyymmdd.slice(4, 6))}月${Number(yyyymmdd.slice(6, 8))}日`;
}

export function periodText(period: PublicityPeriod): string {
  const unit = period.workingDays ? '个工作日' : '天';
  return `公示期：${chineseDate(period.from)}至${chineseDate(period.to)}（${period.days}${unit}）`;
}

function cell(entry: PublicityEntry, column: PublicityList['columns'][number]): string {
  if (column === 'awardDate') return chineseDate(entry.awardDate);
  return entry[column] ?? '';
}

/** Title, period, header, one row per graduate (with 序号), then the note: the layout of the sheet and the page. */
export function publicityRows(list: PublicityList): string[][] {
  return [
    [list.title],
    [periodText(list.period)],
    ['序号', ...list.columns.map((column) => HEADERS[column])],
    ...list.entries.map((entry, i) => [String(i + 1), ...list.columns.map((column) => cell(entry, column))]),
    [list.note],
    [`${list.unitName}\u3000${chineseDate(list.issuedOn)}`],
  ];
}

export function writePublicityXlsx(list: PublicityList): Uint8Array {
  const rows = publicityRows(list);
  const last = String.fromCharCode(65 + list.columns.length);
  const n = rows.length;
  return writeTextXlsx({
    name: '公示名单',
    rows,
    widths: [6, ...list.columns.map((column) => (column === 'name' ? 12 : column === 'awardDate' ? 16 : 22))],
    merges: [`A1:${last}1`, `A2:${last}2`, `A${n - 1}:${last}${n - 1}`, `A${n}:${last}${n}`],
  });
}

export function renderPublicityHtml(list: PublicityList): string {
  const head = `<tr><th>序号</th>${list.columns.map((column) => `<th>${HEADERS[column]}</th>`).join('')}</tr>`;
  const body = list.entries
    .map((entry, i) => `<tr><td class="n">${i + 1}</td>${list.columns.map((column) => `<td>${escapeHtml(cell(entry, column))}</td>`).join('')}</tr>`)
    .join('\n');
  return printablePage(
    list.title,
    `<h1>${escapeHtml(list.title)}</h1>
<p class="period">${escapeHtml(periodText(list.period))}</p>
<table class="list">
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
<p class="note">${escapeHtml(list.note)}</p>
<p class="right">${escapeHtml(list.unitName)}<br>${escapeHtml(chineseDate(list.issuedOn))}</p>`,
  );
}
