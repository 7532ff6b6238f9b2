import { addDays, daysBetween, DecisionError, describeDeadline, reportingDeadline } from './deadline';

const decision = { number: '重外学位〔2026〕3号', date: '20260620' };

describe('the 30-day reporting deadline (第十一条（四）)', () => {
  it('ends 30 calendar days after the decision takes effect, the day itself not counted', () => {
    expect(reportingDeadline(decision, '20260620')).toMatchObject({ effectiveDate: '20260620', deadline: '20260720', daysLeft: 30, late: false });
    expect(reportingDeadline(decision, '20260719').daysLeft).toBe(1);
    expect(reportingDeadline(decision, '20260720')).toMatchObject({ daysLeft: 0, late: false });
    expect(reportingDeadline(decision, '20260721')).toMatchObject({ daysLeft: -1, late: true });
    expect(reportingDeadline(decision, '20260901')).toMatchObject({ daysLeft: -43, late: true });
  });

  it('counts from a later effective date when one is given', () => {
    expect(reportingDeadline({ ...decision, effectiveDate: '20260625' }, '20260721')).toMatchObject({ deadline: '20260725', daysLeft: 4, late: false });
  });

  it('counts calendar days across months, years and leap days', () => {
    expect(addDays('20280210', 30)).toBe('20280311');
    expect(addDays('20270210', 30)).toBe('20270312');
    expect(addDays('20261215', 30)).toBe('20270114');
    expect(daysBetween('20261231', '20270101')).toBe(1);
    expect(daysBetween('20270101', '20261231')).toBe(-1);
    expect(reportingDeadline({ number: '1号', date: '20280210' }, '20280301').daysLeft).toBe(10);
  });

  it('refuses an unusable decision', () => {
    expect(() => reportingDeadline({ number: '', date: '20260620' }, '20260701')).toThrow(DecisionError);
    expect(() => reportingDeadline({ ...decision, date: '20260631' }, '20260701')).toThrow(/不是有效日期/);
    expect(() => reportingDeadline({ ...decision, effectiveDate: '20260610' }, '20260701')).toThrow(DecisionError);
    expect(() => reportingDeadline(decision, '20260601')).toThrow(/晚于今天/);
  });

  it('says how many days are left, or that the report is late', () => {
    expect(describeDeadline(reportingDeadline(decision, '20260708'))).toEqual({
      zh: '距上报截止还有 12 天（截止 2026-07-20）',
      en: '12 day(s) left to report (deadline 2026-07-20)',
    });
    expect(describeDeadline(reportingDeadline(decision, '20260720')).zh).toBe('今天是上报截止日（2026-07-20）');
    expect(describeDeadline(reportingDeadline(decision, '20260723')).zh).toMatch(/已超过上报期限 3 天.*补报/);
  });
});
