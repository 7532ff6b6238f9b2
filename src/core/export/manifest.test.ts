import { digestRows } from '../audit/digest';
import { validRecord } from '../testing/fixtures';
import { COLLECT_AND_CHECK, signChain } from '../testing/exportFixtures';
import { reportingDeadline } from './deadline';
import { exportEvents } from './gate';
import { buildManifest, MANIFEST_FORMAT, renderManifestHtml, renderManifestText, sha256OfBytes } from './manifest';

describe('the export manifest', () => {
  const records = [0, 1].map((i) => ({ sheet: '外国语学院', excelRow: i + 2, values: validRecord(i) }));
  const digest = digestRows(records);
  const signed = signChain(digest.digest, COLLECT_AND_CHECK);
  const file = new TextEncoder().encode('abc');
  const deadline = reportingDeadline({ number: '重外学位〔2026〕3号', date: '20260620' }, '20260705');
  const events = [
    ...signed,
    ...exportEvents(signed, {
      actor: '赵老师', actorId: 'T003', role: 'office', scope: '外国语学院!2:3', datasetDigest: digest.digest, rulesVersion: 'r', addinVersion: 'v',
      files: [{ name: 'f.xlsx', rows: 2, sha256: sha256OfBytes(file) }], deadline,
    }),
  ];
  const manifest = buildManifest({
    unit: { code: '12608', name: '重庆外语外事学院' },
    generation: 'G2',
    category: '普通',
    batch: '2026-2',
    file: { name: '12608_2026-2_学士学位授予信息.xlsx', format: 'xlsx', headerStyle: 'label', bytes: file, rows: 2 },
    sheets: [{ sheet: '外国语学院', rows: 2 }],
    dataDigest: digest.digest,
    events,
    signOffs: signed,
    deadline,
    rulesVersion: '2026.11.1',
    addinVersion: '0.1.0',
    companions: [{ kind: 'photos', name: 'p.zip', sha256: 'c'.repeat(64), count: 2 }],
    now: new Date(Date.UTC(2026, 6, 5, 2, 30)),
  });

  it('ties the file, the data and the audit chain together', () => {
    expect(sha256OfBytes(file)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      generatedAt: '2026-07-05T10:30:00+08:00',
      unit: { code: '12608', name: '重庆外语外事学院' },
      template: 'G2',
      category: '普通',
      batch: '2026-2',
      batches: ['2026-2'],
      file: { name: '12608_2026-2_学士学位授予信息.xlsx', rows: 2, bytes: 3, sha256: sha256OfBytes(file), encoding: 'UTF-8 (Office Open XML)' },
      dataDigest: digest.digest,
      audit: { head: events[2].entryHash, exportEventSeq: 3, events: 3 },
      decision: { number: '重外学位〔2026〕3号', date: '20260620', deadline: '20260720', daysLeft: 15, late: false },
      rulesVersion: '2026.11.1',
    });
    expect(manifest.signers.map((s) => [s.role, s.action, s.actor, s.actorId, s.seq])).toEqual([
      ['collector', '采集完成', '张老师', 'T001', 1],
      ['checker', '校核通过', '李老师', 'T002', 2],
    ]);
  });

  it('holds no personal data of the graduates', () => {
    const json = JSON.stringify(manifest);
    for (const record of records) {
      expect(json).not.toContain(record.values.ZJHM);
      expect(json).not.toContain(record.values.XM);
    }
  });

  it('renders as text and as a printable page with the hashes', () => {
    const text = renderManifestText(manifest);
    expect(text).toContain(`文件 SHA-256: ${manifest.file.sha256}`);
    expect(text).toContain(`审计链末端 Audit chain head: ${manifest.audit.head}`);
    expect(text).toContain('校核人 校核通过: 李老师（T002）');
    expect(text).toContain('上报期限 Deadline: 2026-07-20（剩 15 天）');
    const html = renderManifestHtml(manifest);
    expect(html).toContain(`<td class="mono">${manifest.file.sha256}</td>`);
    expect(html).toContain(`<td class="mono">${manifest.audit.head}</td>`);
    expect(html).toContain('重外学位〔2026〕3号');
  });
});
