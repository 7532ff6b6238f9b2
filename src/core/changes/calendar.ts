/**
 * Counting reporting deadlines. 第十六条 says a revoked degree is reported "在撤销学位决议生效起 10 日内"; the issue asks
 * for 10 working days. Both readings are supported and the school decides:
 *
 * - `working` (default): the deadline is the 10th working day after the decision takes effect. Saturdays and Sundays
 *   are not working days, nor the public holidays listed in `holidays`; weekend days listed in `workdays` (调休上班)
 *   are. The holiday lists change every year (国务院办公厅 publishes them each autumn), so the product ships none and
 *   the school configures them.
 * - `calendar`: the deadline is 10 calendar days after the decision takes effect; when that day is not a working
 *   day it moves to the next working day (民法典第二百零三条), unless `extendToWorkingDay` is false.
 *
 * Either way the day the decision takes effect is not counted (民法典第二百零一条: 开始的当日不计入).
 * Dates are YYYYMMDD strings, computed in UTC so that no time zone shifts a day.
 */

export type DayCounting = 'working' | 'calendar';

export interface DeadlineRule {
  days: number;
  counting: DayCounting;
  /** Public holidays falling on weekdays or weekends, YYYYMMDD. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休), YYYYMMDD. */
  workdays: readonly string[];
  /** calendar counting: move a deadline that falls on a day off to the next working day. Default true. */
  extendToWorkingDay?: boolean;
}

/** 第十六条 as the issue reads it: 10 working days, weekends excluded, no holidays configured. */
export const REVOCATION_RULE: DeadlineRule = { days: 10, counting: 'working', holidays: [], workdays: [] };

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

function toUtc(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYYMMDD date: ${date}`);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(time).toISOString().slice(0, 10).replace(/-/g, '') !== date) throw new RangeError(`not a real date: ${date}`);
  return time;
}

const fromUtc = (time: number) => new Date(time).toISOString().slice(0, 10).replace(/-/g, '');

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function isWorkingDay(date: string, rule: Pick<DeadlineRule, 'holidays' | 'workdays'>): boolean {
  if (rule.workdays.includes(date)) return true;
  if (rule.holidays.includes(date)) return false;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last day to report, counting from the day the decision takes effect (not counted itself). */
export function deadlineOf(start: string, rule: DeadlineRule): string {
  if (rule.counting === 'calendar') {
    let date = addDays(start, rule.days);
    if (rule.extendToWorkingDay !== false) while (!isWorkingDay(date, rule)) date = addDays(date, 1);
    return date;
  }
  let date = start;
  for (let counted = 0; counted < rule.days; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, rule)) counted++;
  }
  return date;
}

export interface TimeLeft {
  deadline: string;
  /** Calendar days from today to the deadline: 0 on the last day, negative once it has passed. */
  calendarDays: number;
  /** Working days left including today (when it is one) and the deadline; negative: working days overdue. */
  workingDays: number;
  overdue: boolean;
}

/** Working days in (from, to]. */
function workingDaysAfter(from: string, to: string, rule: DeadlineRule): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date, rule)) count++;
  return count;
}

export function timeLeft(start: string, today: string, rule: DeadlineRule): TimeLeft {
  const deadline = deadlineOf(start, rule);
  const calendarDays = daysBetween(today, deadline);
  const overdue = calendarDays < 0;
  const workingDays = overdue
    ? -workingDaysAfter(deadline, today, rule)
    : workingDaysAfter(addDays(today, -1), deadline, rule);
  return { deadline, calendarDays, workingDays, overdue };
}

/** Reads a school's deadline settings (JSON), reporting what is wrong instead of guessing. */
export function parseDeadlineRule(json: unknown, base: DeadlineRule = REVOCATION_RULE): { ok: true; rule: DeadlineRule } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problems: ['须是 JSON 对象 / must be a JSON object'] };
  const input = json as Record<string, unknown>;
  const rule: DeadlineRule = { ...base };
  if (input.days !== undefined) {
    if (typeof input.days === 'number' && Number.isInteger(input.days) && input.days > 0) rule.days = input.days;
    else problems.push('days 须是正整数 / days must be a positive integer');
  }
  if (input.counting !== undefined) {
    if (input.counting === 'working' || input.counting === 'calendar') rule.counting = input.counting;
    else problems.push('counting 只能是 working 或 calendar / counting must be working or calendar');
  }
  if (input.extendToWorkingDay !== undefined) {
    if (typeof input.extendToWorkingDay === 'boolean') rule.extendToWorkingDay = input.extendToWorkingDay;
    else problems.push('extendToWorkingDay 须是 true 或 false / extendToWorkingDay must be true or false');
  }
  for (const list of ['holidays', 'workdays'] as const) {
    const value = input[list];
    if (value === undefined) continue;
    const bad = Array.isArray(value) ? value.filter((d) => typeof d !== 'string' || !isDate(d)) : [value];
    if (!Array.isArray(value) || bad.length > 0) {
      problems.push(`${list} 须是 YYYYMMDD 日期的数组${bad.length ? `（有误：${bad.join('、')}）` : ''} / ${list} must be an array of YYYYMMDD dates`);
    } else rule[list] = [...(value as string[])];
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rule };
}

export function isDate(text: string): boolean {
  try {
    toUtc(text);
    return true;
  } catch {
    return false;
  }
}
