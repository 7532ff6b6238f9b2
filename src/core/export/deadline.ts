/**
 * The reporting deadline of 第十一条（四）: the decision of the 学位评定委员会 (with its list of graduates) and the
 * degree data are reported within 30 days of the decision taking effect. Days are calendar days counted as Chinese
 * law counts periods (民法典第二百零一条): the day the decision takes effect is not counted, so day 30 — the last day
 * to report — is the effective date plus 30. The extension of a last day that falls on a public holiday
 * (第二百零三条) is not applied: the deadline shown is never later than the real one. Anything reported later is
 * 补报 (第十一条（六）) and needs a written reason, which the export records as a 补报说明 event.
 */
import { isRealDate, todayInChina } from '../util/dates';

export const REPORTING_DAYS = 30;

export interface Decision {
  /** 决议编号（文号）, e.g. 重外学位〔2026〕3号. */
  number: string;
  /** 决议日期, YYYYMMDD. */
  date: string;
  /** The day the decision takes effect, when not the decision date itself. */
  effectiveDate?: string;
}

export interface DeadlineStatus {
  decision: Decision;
  effectiveDate: string;
  /** The last day to report, YYYYMMDD. */
  deadline: string;
  /** The day of reporting, YYYYMMDD. */
  today: string;
  /** Calendar days from today to the deadline: 0 on the last day, negative when late. */
  daysLeft: number;
  /** Whether a report today is 补报. */
  late: boolean;
}

const DAY_MS = 86_400_000;

function toUtc(yyyymmdd: string): number {
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

/** `date` plus `days` calendar days, YYYYMMDD. */
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export class DecisionError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'DecisionError';
  }
}

/** Where a report stands against the 30 days; throws DecisionError for a decision that is not usable. */
export function reportingDeadline(decision: Decision, today: string = todayInChina(), days: number = REPORTING_DAYS): DeadlineStatus {
  if (!decision.number.trim()) throw new DecisionError('请填写决议编号（文号）', 'enter the number of the decision');
  if (!isRealDate(decision.date)) {
    throw new DecisionError(`决议日期“${decision.date}”不是有效日期（YYYYMMDD）`, `the decision date “${decision.date}” is not a date (YYYYMMDD)`);
  }
  const effectiveDate = decision.effectiveDate ?? decision.date;
  if (!isRealDate(effectiveDate)) {
    throw new DecisionError(`决议生效日期“${effectiveDate}”不是有效日期（YYYYMMDD）`, `the effective date “${effectiveDate}” is not a date (YYYYMMDD)`);
  }
  if (effectiveDate < decision.date) {
    throw new DecisionError('决议生效日期不能早于决议日期', 'the decision cannot take effect before it was made');
  }
  if (today < decision.date) {
    throw new DecisionError(`决议日期 ${decision.date} 晚于今天 ${today}`, `the decision date ${decision.date} is after today ${today}`);
  }
  const deadline = addDays(effectiveDate, days);
  const daysLeft = daysBetween(today, deadline);
  return { decision: { ...decision, effectiveDate }, effectiveDate, deadline, today, daysLeft, late: daysLeft < 0 };
}

/** “还剩 12 天（截止 2026-07-20）” / “已超期 3 天，须补报”: one line for the pane and the CLI. */
export function describeDeadline(status: DeadlineStatus): { zh: string; en: string } {
  const shown = `${status.deadline.slice(0, 4)}-${status.deadline.slice(4, 6)}-${status.deadline.slice(6, 8)}`;
  if (status.late) {
    return {
      zh: `已超过上报期限 ${-status.daysLeft} 天（截止 ${shown}），属于补报，须说明补报原因`,
      en: `${-status.daysLeft} day(s) past the deadline (${shown}): this is a late report (补报) and needs a reason`,
    };
  }
  return {
    zh: status.daysLeft === 0 ? `今天是上报截止日（${shown}）` : `距上报截止还有 ${status.daysLeft} 天（截止 ${shown}）`,
    en: status.daysLeft === 0 ? `today is the last day to report (${shown})` : `${status.daysLeft} day(s) left to report (deadline ${shown})`,
  };
}
