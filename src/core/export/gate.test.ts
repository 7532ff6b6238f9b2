import { headOf, verifyChain } from '../audit/chain';
import { digestRows } from '../audit/digest';
import type { AuditEvent } from '../audit/events';
import { gridFromRecords, validRecord } from '../testing/fixtures';
import { COLLECT_AND_CHECK, signChain } from '../testing/exportFixtures';
import { reportingDeadline } from './deadline';
import { checkExportGate, exportEvents, scopeOf, type GateInput } from './gate';
import { prepareExport, type PreparedExport } from './uploadFile';

function prepare(records = [0, 1, 2].map((i) => validRecord(i))): PreparedExport {
  const result = prepareExport([gridFromRecords('G2', records)], { today: '20260701' });
  if (!result.ok) throw new Error(result.reason);
  return result.prepared;
}

const clean = prepare();
const digest = digestRows(clean.records);

function gate(events: AuditEvent[], extra: Partial<GateInput> = {}) {
  return checkExportGate({ report: clean.report, events, digest, ...extra });
}

const codes = (decision: ReturnType<typeof gate>) => (decision.ok ? [] : decision.reasons.map((r) => r.code));

describe('the export gate', () => {
  it('lets through clean data collected and later checked by someone else', () => {
    const events = signChain(digest.digest, COLLECT_AND_CHECK);
    const decision = gate(events);
    expect(decision).toMatchObject({ ok: true, late: false });
    if (decision.ok) {
      expect(decision.collected.actor).toBe('张老师');
      expect(decision.checked.actor).toBe('李老师');
    }
  });

  it('refuses unsigned data', () => {
    const decision = gate([]);
    expect(codes(decision)).toEqual(['notCollected']);
    if (!decision.ok) {
      expect(decision.reasons[0].zh).toMatch(/采集完成/);
      expect(decision.reasons[0].en).toMatch(/collector/);
    }
  });

  it('refuses data only collected', () => {
    expect(codes(gate(signChain(digest.digest, [COLLECT_AND_CHECK[0]])))).toEqual(['notChecked']);
  });

  it('refuses a check by the collector: same staff number, or same name when either has none', () => {
    expect(codes(gate(signChain(digest.digest, [{ actor: '张老师', action: '采集完成' }, { actor: '张老师', action: '校核通过' }])))).toEqual([
      'checkedBySamePerson',
    ]);
    const sameId = signChain(digest.digest, [
      { actor: '张老师', actorId: 'T001', action: '采集完成' },
      { actor: '张 老师', actorId: 'T001', action: '校核通过' },
    ]);
    expect(codes(gate(sameId))).toEqual(['checkedBySamePerson']);
    const namesakes = signChain(digest.digest, [
      { actor: '王芳', actorId: 'T001', action: '采集完成' },
      { actor: '王芳', actorId: 'T009', action: '校核通过' },
    ]);
    expect(gate(namesakes).ok).toBe(true);
  });

  it('refuses a check that came before the collection', () => {
    const events = signChain(digest.digest, [COLLECT_AND_CHECK[1], COLLECT_AND_CHECK[0]]);
    expect(codes(gate(events))).toEqual(['notChecked']);
  });

  it('refuses data with errors', () => {
    const defective = prepare([validRecord(0), { ...validRecord(1), ZJHM: `${validRecord(1).ZJHM.slice(0, 17)}0` }]);
    expect(defective.report.counts.error).toBeGreaterThan(0);
    const d = digestRows(defective.records);
    const decision = checkExportGate({ report: defective.report, events: signChain(d.digest, COLLECT_AND_CHECK), digest: d });
    expect(codes(decision)).toEqual(['errors']);
  });

  it('refuses values the target file cannot hold', () => {
    const issue = { rule: 'export.unencodable', severity: 'error' as const, sheet: 'S', row: 7, column: 'A', field: 'XM', value: '张𠮷', message: 'm' };
    const decision = gate(signChain(digest.digest, COLLECT_AND_CHECK), { exportIssues: [issue] });
    expect(codes(decision)).toEqual(['exportIssues']);
    if (!decision.ok) expect(decision.reasons[0].rows).toEqual([7]);
  });

  it('refuses a broken audit chain: an edited event, a deleted one, a foreign head', () => {
    const events = signChain(digest.digest, [...COLLECT_AND_CHECK, { actor: '王老师', action: '审核通过' }]);
    const edited = events.map((e, i) => (i === 0 ? { ...e, note: '改过' } : e));
    expect(codes(gate(edited))).toContain('chainBroken');
    expect(codes(gate([events[0], events[2]]))).toContain('chainBroken');
    expect(codes(gate(events, { expectedHead: 'f'.repeat(64) }))).toEqual(['chainBroken']);
    expect(gate(events, { expectedHead: headOf(events) }).ok).toBe(true);
    expect(codes(gate(events, { unreadableAuditRows: [5] }))).toEqual(['auditUnreadable']);
  });

  it('refuses data changed since the check and names the changed rows', () => {
    const events = signChain(digest.digest, COLLECT_AND_CHECK);
    const changed = prepare([validRecord(0), { ...validRecord(1), XZ: '5' }, validRecord(2)]);
    const now = digestRows(changed.records);
    const decision = checkExportGate({ report: changed.report, events, digest: now, signed: { seq: 1, rows: digest.rows } });
    expect(codes(decision)).toEqual(['changedSinceSignOff']);
    if (!decision.ok) {
      expect(decision.reasons[0].rows).toEqual([3]);
      expect(decision.reasons[0].zh).toMatch(/第 3 行已被修改/);
    }
  });

  it('refuses data returned after the check', () => {
    const events = signChain(digest.digest, [...COLLECT_AND_CHECK, { actor: '王老师', action: '退回', note: '专业名称待核' }]);
    const decision = gate(events);
    expect(codes(decision)).toEqual(['returned']);
    if (!decision.ok) expect(decision.reasons[0].zh).toMatch(/专业名称待核/);
  });

  it('requires the office’s approval only when asked to', () => {
    const events = signChain(digest.digest, COLLECT_AND_CHECK);
    expect(codes(gate(events, { requireApproval: true }))).toEqual(['notApproved']);
    const approved = signChain(digest.digest, [{ actor: '王老师', action: '审核通过' }], events);
    const decision = gate(approved, { requireApproval: true });
    expect(decision.ok && decision.approved?.actor).toBe('王老师');
  });

  it('gives every reason at once', () => {
    const defective = prepare([{ ...validRecord(0), CSRQ: '20011301' }]);
    const d = digestRows(defective.records);
    const events = signChain('other', COLLECT_AND_CHECK).map((e, i) => (i === 1 ? { ...e, actor: '改名' } : e));
    const decision = checkExportGate({ report: defective.report, events, digest: d, deadline: reportingDeadline({ number: '1号', date: '20260101' }, '20260301') });
    expect(codes(decision)).toEqual(['errors', 'chainBroken', 'changedSinceSignOff', 'lateWithoutReason']);
  });

  it('needs a reason after the deadline, and records it in a 补报说明 event before the export event', () => {
    const events = signChain(digest.digest, COLLECT_AND_CHECK);
    const late = reportingDeadline({ number: '重外学位〔2026〕3号', date: '20260601' }, '20260705');
    expect(codes(gate(events, { deadline: late }))).toEqual(['lateWithoutReason']);
    expect(gate(events, { deadline: late, lateReason: '决议扫描件延迟送达' })).toMatchObject({ ok: true, late: true });

    const added = exportEvents(events, {
      actor: '赵老师',
      actorId: 'T003',
      role: 'office',
      scope: scopeOf(clean.records),
      datasetDigest: digest.digest,
      rulesVersion: 'r',
      addinVersion: 'v',
      files: [{ name: '12608_2023-2_学士学位授予信息.xlsx', rows: 3, sha256: 'a'.repeat(64) }],
      deadline: late,
      lateReason: '决议扫描件延迟送达',
      now: new Date(Date.UTC(2026, 6, 5, 2)),
    });
    expect(added.map((e) => e.action)).toEqual(['补报说明', '导出上报文件']);
    expect(added[0].note).toMatch(/超期 4 天；补报原因：决议扫描件延迟送达/);
    expect(added[1].note).toContain('12608_2023-2_学士学位授予信息.xlsx；3 行；SHA-256 aaaa');
    expect(added[1].scope).toBe('学位授予信息!2:4');
    expect(added[1].time).toBe('2026-07-05T10:00:00+08:00');
    expect(verifyChain([...events, ...added])).toEqual([]);
    // No personal data in the log.
    const log = JSON.stringify(added);
    for (const record of clean.records) {
      expect(log).not.toContain(record.values.ZJHM);
      expect(log).not.toContain(record.values.XM);
    }
  });

  it('writes one export event when on time', () => {
    const events = signChain(digest.digest, COLLECT_AND_CHECK);
    const onTime = reportingDeadline({ number: '3号', date: '20260620' }, '20260625');
    const added = exportEvents(events, {
      actor: '赵老师',
      actorId: '',
      role: 'office',
      scope: 'S!2:4',
      datasetDigest: digest.digest,
      rulesVersion: 'r',
      addinVersion: 'v',
      files: [{ name: 'f.xlsx', rows: 3, sha256: 'b'.repeat(64) }],
      deadline: onTime,
    });
    expect(added.map((e) => [e.seq, e.action])).toEqual([[3, '导出上报文件']]);
    expect(added[0].note).toContain('决议 3号（20260620），截止 20260720');
  });

  it('describes the scope of several sheets', () => {
    expect(scopeOf([{ sheet: 'A', excelRow: 2 }, { sheet: 'A', excelRow: 9 }, { sheet: 'B', excelRow: 3 }])).toBe('A!2:9；B!3:3');
  });
});
