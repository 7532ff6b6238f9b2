import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalize } from './canonical';
import { sha256Hex, useSha256 } from './hash';
import { headOf, nextEvent, verifyChain } from './chain';
import { changedRows, digestRows } from './digest';
import type { AuditDraft, AuditEvent } from './events';
import { decideSignOff, signStatus } from './signing';

const draft = (actor: string, action: AuditDraft['action'], digest = 'd1'): AuditDraft => ({
  actor,
  actorId: '',
  role: action === '采集完成' ? 'collector' : action === '校核通过' ? 'checker' : 'office',
  action,
  scope: '学位授予信息!2:31',
  datasetDigest: digest,
  rulesVersion: 'r',
  addinVersion: 'v',
  note: '',
});

function chainOf(count: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let i = 0; i < count; i++) events.push(nextEvent(events, draft(`人员${i}`, '数据修正'), new Date(Date.UTC(2026, 10, 28, 1, i))));
  return events;
}

const kinds = (events: AuditEvent[], head?: string) => verifyChain(events, head).map((p) => [p.kind, p.seq]);

describe('canonicalize (RFC 8785)', () => {
  it('sorts keys, drops undefined and writes no whitespace', () => {
    expect(canonicalize({ b: 1, a: ['x', null, true], c: undefined })).toBe('{"a":["x",null,true],"b":1}');
    expect(canonicalize({ '\u00e9': 1, z: 2, A: 3 })).toBe('{"A":3,"z":2,"é":1}');
  });
});

describe('the audit chain', () => {
  it('links each event to its predecessor and verifies clean', () => {
    const events = chainOf(5);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events[1].prevHash).toBe(events[0].entryHash);
    expect(events[0].time).toBe('2026-11-28T09:00:00+08:00');
    expect(verifyChain(events, headOf(events))).toEqual([]);
  });

  it('detects an edited event field', () => {
    const events = chainOf(5);
    events[2] = { ...events[2], note: '改过' };
    expect(kinds(events)).toEqual([['edited', 3]]);
  });

  it('detects a deleted event row', () => {
    const events = chainOf(5);
    events.splice(2, 1);
    expect(kinds(events)).toEqual([['deleted', 4]]);
  });

  it('detects a forged event inserted with a made-up hash', () => {
    const events = chainOf(5);
    events.splice(2, 0, { ...events[2], actor: '伪造者', entryHash: 'f'.repeat(64) });
    expect(kinds(events)).toEqual([['inserted', 3]]);
  });

  it('reports two valid events claiming one predecessor as a fork, not merged', () => {
    const events = chainOf(3);
    const a = nextEvent(events, draft('甲', '数据修正'));
    const b = nextEvent(events, draft('乙', '数据修正'));
    expect(kinds([...events, a, b])).toEqual([['fork', 4]]);
  });

  it('detects two reordered events', () => {
    const events = chainOf(5);
    [events[1], events[2]] = [events[2], events[1]];
    expect(kinds(events)).toEqual([['reordered', 2]]);
  });

  it('catches a whole chain recomputed from scratch only with the external head', () => {
    const original = chainOf(4);
    const forged: AuditEvent[] = [];
    for (const event of original) forged.push(nextEvent(forged, { ...event, note: '重写' }, new Date(Date.UTC(2026, 10, 28))));
    expect(kinds(forged)).toEqual([]);
    expect(kinds(forged, headOf(original))).toEqual([['headMismatch', 4]]);
  });
});

describe('data digests', () => {
  const rows = [1, 2, 3].map((i) => ({ sheet: 'S', excelRow: i + 1, values: { ZJHM: `ID${i}`, XM: `人${i}` } }));

  it('pinpoints the rows changed since signing', () => {
    const signed = digestRows(rows);
    const edited = digestRows([rows[0], { ...rows[1], values: { ...rows[1].values, XM: '改' } }, rows[2]]);
    expect(edited.digest).not.toBe(signed.digest);
    expect(changedRows(signed.rows, edited.rows)).toEqual({ changed: [3], deleted: 0 });
    expect(changedRows(signed.rows, digestRows([rows[0], rows[2]]).rows)).toEqual({ changed: [], deleted: 1 });
  });

  it('hashes each record as SHA-256 of its RFC 8785 canonical JSON', () => {
    const values = { ZJHM: 'ID1', XM: '人"1', A: '', 'é': 'x\\y', B: '𠮷\u0001' };
    expect(digestRows([{ sheet: 'S', excelRow: 2, values }]).rows[0].hash).toBe(sha256Hex(canonicalize(values)));
  });

  it('hashes any flat record, however its keys and values are spelt, as its canonical JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), { minLength: 1, maxLength: 4 }), (records) => {
        const digests = digestRows(records.map((values, i) => ({ sheet: 'S', excelRow: i + 2, values })));
        records.forEach((values, i) => expect(digests.rows[i].hash).toBe(sha256Hex(canonicalize(values))));
      }),
    );
    const sparse = { A: 'a', B: undefined as unknown as string, C: 'c' };
    expect(digestRows([{ sheet: 'S', excelRow: 2, values: {} }, { sheet: 'S', excelRow: 3, values: sparse }]).rows.map((r) => r.hash)).toEqual([
      sha256Hex('{}'),
      sha256Hex('{"A":"a","C":"c"}'),
    ]);
  });

  it('gives the same digests with another SHA-256 implementation (the CLI installs Node’s)', () => {
    const pure = digestRows(rows);
    useSha256((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
    try {
      expect(digestRows(rows)).toEqual(pure);
    } finally {
      useSha256(undefined);
    }
  });

  it('keys records by a 64-bit FNV-1a of the upper-cased ID, so x and X match', () => {
    const key = (id: string) => digestRows([{ sheet: 'S', excelRow: 2, values: { ZJHM: id } }]).rows[0].key;
    // FNV-1a 64 of "FOOBAR"; the implementation gives the published vectors for "a" and "foobar" too.
    expect(key('foobar')).toBe('ed91fadfa4bbf528');
    expect(key('50010120000101001x')).toBe(key('50010120000101001X'));
  });

  it('keeps no personal data: only hashes', () => {
    expect(JSON.stringify(digestRows(rows))).not.toMatch(/ID1|人1/);
  });
});

describe('signing rules', () => {
  const request = { actorId: '', datasetDigest: 'd1', errorCount: 0, warningCount: 0, note: '' };

  it('refuses sign-off while errors remain, and warnings without a note', () => {
    expect(decideSignOff([], { ...request, role: 'collector', actor: '张老师', errorCount: 2 })).toMatchObject({ ok: false, reason: 'errors' });
    expect(decideSignOff([], { ...request, role: 'collector', actor: '张老师', warningCount: 1 })).toMatchObject({ ok: false, reason: 'warningsNeedNote' });
  });

  it('refuses a checker who collected the same data', () => {
    const events = [nextEvent([], draft('张老师', '采集完成'))];
    expect(decideSignOff(events, { ...request, role: 'checker', actor: '张老师' })).toMatchObject({ ok: false, reason: 'sameAsCollector' });
    expect(decideSignOff(events, { ...request, role: 'checker', actor: '李老师' })).toEqual({ ok: true, action: '校核通过' });
  });

  it('requires an earlier check by someone else on the current data before the office approves', () => {
    const collected = [nextEvent([], draft('张老师', '采集完成'))];
    expect(decideSignOff(collected, { ...request, role: 'office', actor: '王老师' })).toMatchObject({ ok: false, reason: 'notChecked' });
    const checked = [...collected, nextEvent(collected, draft('李老师', '校核通过'))];
    expect(decideSignOff(checked, { ...request, role: 'office', actor: '王老师' })).toEqual({ ok: true, action: '审核通过' });
    expect(decideSignOff(checked, { ...request, role: 'office', actor: '王老师', datasetDigest: 'd2' })).toMatchObject({ ok: false, reason: 'notChecked' });
  });

  it('tells the status of a dataset', () => {
    const collected = [nextEvent([], draft('张老师', '采集完成'))];
    expect(signStatus([], 'd1')).toBe('notSigned');
    expect(signStatus(collected, 'd1')).toBe('collected');
    expect(signStatus(collected, 'd2')).toBe('changedAfterSigning');
  });
});
