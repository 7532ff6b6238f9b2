/** @jest-environment jsdom */
import '../testing/jsdom';
import * as XLSX from '@e965/xlsx';
import { act, waitFor } from '@testing-library/react';
import JSZip from 'jszip';
import { verifyChain } from '../../core/audit/chain';
import { tinyJpeg } from '../../core/testing/exportFixtures';
import { gridFromRecords, validRecord } from '../../core/testing/fixtures';
import { renderPane, settled, signedPane } from '../testing/paneHarness';

const records = Array.from({ length: 6 }, (_, i) => validRecord(i));

const signed = (grids?: ReturnType<typeof gridFromRecords>[]) => signedPane(records, grids);

function sheetRows(bytes: Uint8Array): string[][] {
  const workbook = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<string[]>(workbook.Sheets[workbook.SheetNames[0]], { header: 1, raw: false, defval: '' });
}

describe('useExport (导出)', () => {
  it('refuses an unsigned workbook and says what is missing', async () => {
    const pane = renderPane([gridFromRecords('G2', records)]);
    act(() => pane.current().sessionActions.start());
    await settled(pane.current);
    await act(() => pane.current().ledgerActions.reload());
    const view = pane.current().exporter;
    expect(view.gate?.ok).toBe(false);
    expect(view.gate?.ok === false && view.gate.reasons.map((r) => r.code)).toEqual(['notCollected']);
    expect(view.reasons[0]).toContain('采集完成');
    expect(view.canExport).toBe(false);
  });

  it('exports a signed workbook: upload file, manifest, audit events and the reported baseline', async () => {
    const pane = await signed();
    expect(pane.current().exporter.gate?.ok).toBe(true);
    act(() => {
      pane.current().exporter.setDecisionNumber('重外学位〔2026〕3号');
      pane.current().exporter.setDecisionDate('2026-06-10');
      pane.current().exporter.setHeaderStyle('label');
    });
    expect(pane.current().exporter.deadline).toMatchObject({ deadline: '20260710', daysLeft: 9, late: false });
    expect(pane.current().exporter.deadlineText).toBe('距上报截止还有 9 天（截止 2026-07-10）');
    expect(pane.current().exporter.fileNames).toEqual(['12608_2023-2_学士学位授予信息.xlsx']);

    act(() => pane.current().exporter.exportNow());
    await waitFor(() => expect(pane.current().exporter.result).toBeDefined());
    expect(pane.current().exporter.notice?.key).toBe('export.done');

    const actions = pane.ports.events.map((e) => e.action);
    expect(actions).toEqual(['采集完成', '校核通过', '导出上报文件', '基线建立']);
    expect(verifyChain(pane.ports.events)).toEqual([]);
    expect(pane.ports.baseline?.rows).toHaveLength(6);
    expect(pane.ports.baseline?.seq).toBe(4);

    const [upload, manifestFile] = pane.ports.saved;
    expect(upload.name).toBe('12608_2023-2_学士学位授予信息.xlsx');
    const rows = sheetRows(upload.bytes);
    expect(rows[0].slice(0, 2)).toEqual(['姓名(XM)', '姓名拼音(XMPY)']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(records.map((r) => r.XM));
    const manifest = JSON.parse(new TextDecoder().decode(manifestFile.bytes));
    expect(manifestFile.name).toBe(`${upload.name}.manifest.json`);
    expect(manifest.audit.head).toBe(pane.ports.events.at(-1)!.entryHash);
    expect(manifest.signers.map((s: { actor: string }) => s.actor)).toEqual(['李采集', '王校核']);
    expect(manifest.decision).toMatchObject({ number: '重外学位〔2026〕3号', deadline: '20260710', late: false });
    expect(pane.ports.events[2].note).toContain(manifest.file.sha256);

    // Also to a new sheet of the workbook.
    act(() => pane.current().exporter.writeToSheet());
    await waitFor(() => expect(pane.ports.sheets).toHaveLength(1));
    expect(pane.ports.sheets[0].rows.length).toBe(7);
  });

  it('writes the legacy .dbf for the G1 template, GBK-encoded', async () => {
    const g1 = Array.from({ length: 4 }, (_, i) => validRecord(i, 'G1'));
    const pane = await signed([gridFromRecords('G1', g1)]);
    expect(pane.current().exporter.dbfAllowed).toBe(true);
    act(() => pane.current().exporter.setFormat('dbf'));
    expect(pane.current().exporter.format).toBe('dbf');
    expect(pane.current().exporter.exportIssues).toEqual([]);
    act(() => pane.current().exporter.exportNow());
    await waitFor(() => expect(pane.current().exporter.result).toBeDefined());
    const [upload] = pane.ports.saved;
    expect(upload.name).toMatch(/\.dbf$/);
    expect(upload.bytes[0]).toBe(0x03);
    // The first record's name, GBK-encoded, is in the file.
    const name = new TextDecoder('gbk').decode(upload.bytes);
    expect(name).toContain(g1[0].XM);
  });

  it('after the deadline asks for the reason and records 补报说明 before the export', async () => {
    const pane = await signed();
    act(() => {
      pane.current().exporter.setDecisionNumber('重外学位〔2026〕1号');
      pane.current().exporter.setDecisionDate('20260501');
    });
    expect(pane.current().exporter.deadline).toMatchObject({ late: true, daysLeft: -31 });
    const gate = pane.current().exporter.gate;
    expect(gate?.ok === false && gate.reasons.map((r) => r.code)).toEqual(['lateWithoutReason']);
    act(() => pane.current().exporter.setLateReason('学籍异动复核后补报'));
    expect(pane.current().exporter.gate?.ok).toBe(true);
    act(() => pane.current().exporter.exportNow());
    await waitFor(() => expect(pane.current().exporter.result).toBeDefined());
    const late = pane.ports.events.find((e) => e.action === '补报说明')!;
    expect(late.note).toContain('学籍异动复核后补报');
    expect(pane.ports.events.map((e) => e.action).slice(-3)).toEqual(['补报说明', '导出上报文件', '基线建立']);
  });

  it('blocks the next export while a reported record was changed without a change request', async () => {
    const pane = await signed();
    act(() => pane.current().exporter.exportNow());
    await waitFor(() => expect(pane.current().exporter.result).toBeDefined());
    const grid = pane.port.grids[0];
    const column = (grid.values[0] as string[]).indexOf('ZYMC');
    grid.values[2][column] = '商务英语';
    act(() => pane.current().sessionActions.start());
    await settled(pane.current);
    await act(() => pane.current().ledgerActions.reload());
    expect(pane.current().exporter.blockers.map((b) => b.kind)).toEqual(['unrequested']);
    const gate = pane.current().exporter.gate;
    expect(gate?.ok === false && gate.reasons.map((r) => r.code)).toContain('pendingChanges');
  });

  it('builds the publicity list without ID numbers and checks a folder of photos', async () => {
    const pane = await signed();
    const list = pane.current().exporter.publicity.list!;
    expect(list.entries).toHaveLength(6);
    expect(list.period).toMatchObject({ from: '20260701', days: 5 });
    act(() => pane.current().exporter.publicity.save());
    await waitFor(() => expect(pane.ports.saved.some((f) => f.name.endsWith('公示名单.xlsx'))).toBe(true));
    const saved = pane.ports.saved.find((f) => f.name.endsWith('公示名单.xlsx'))!;
    const text = sheetRows(saved.bytes).flat().join('|');
    for (const record of records) {
      expect(text).toContain(record.XM);
      expect(text).not.toContain(record.ZJHM);
    }

    const photo = (i: number, size = [150, 210], bytes = 6000) =>
      Object.assign(new File([tinyJpeg(size[0], size[1], bytes) as BlobPart], `${records[i].ZJHM}.jpg`), { webkitRelativePath: `照片/${records[i].ZJHM}.jpg` });
    const folder = [photo(0), photo(1, [480, 640]), photo(2), photo(3), photo(4, [150, 210], 12 * 1024)];
    act(() => pane.current().exporter.photos.loadFolder(folder));
    await waitFor(() => expect(pane.current().exporter.photos.check).toBeDefined());
    const check = pane.current().exporter.photos.check!;
    expect(pane.current().exporter.photos.source).toBe('照片');
    expect(check.problems.map((p) => p.kind).sort()).toEqual(['missing', 'oversized', 'wrongSize']);
    expect(check.counts).toEqual({ records: 6, files: 5, accepted: 3 });

    // A .zip of the same photos; the package of the accepted ones goes with the export.
    const zip = new JSZip();
    for (const i of [0, 1, 2, 3, 4, 5]) zip.file(`${records[i].ZJHM}.jpg`, tinyJpeg(150, 210, 6000));
    const zipped = await zip.generateAsync({ type: 'uint8array' });
    act(() => pane.current().exporter.photos.loadZip(new File([zipped as BlobPart], 'photos.zip')));
    await waitFor(() => expect(pane.current().exporter.photos.check?.ok).toBe(true));
    act(() => pane.current().exporter.exportNow());
    await waitFor(() => expect(pane.current().exporter.result).toBeDefined());
    const packaged = pane.ports.saved.find((f) => f.name.endsWith('.zip'))!;
    expect(Object.keys((await JSZip.loadAsync(packaged.bytes)).files)).toHaveLength(6);
  });
});
