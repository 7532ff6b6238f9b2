/**
 * Browser entry of `npm run bench:export`: bundled by esbuild and run in Chromium, it times the upload-file writer
 * on the path the task pane takes (SheetJS without Node's Buffer) and hashes the bytes as the pane would.
 */
import { sha256OfBytes } from '../src/core/export/manifest';
import { writeUploadXlsx, type ExportRecord } from '../src/core/export/uploadFile';
import { validRecord } from '../src/core/testing/fixtures';
import { templateColumns, type TemplateColumn } from '../src/core/template/generations';

declare global {
  var benchPrepare: (rows: number) => void;
  var benchWrite: () => { writeMs: number; hashMs: number; bytes: number; kind: string };
}

let group: { columns: TemplateColumn[]; records: ExportRecord[] } | undefined;

globalThis.benchPrepare = (rows) => {
  const records: ExportRecord[] = [];
  for (let i = 0; i < rows; i++) records.push({ sheet: '学位授予信息', excelRow: i + 2, values: validRecord(i, 'G2') });
  group = { columns: templateColumns('G2', '普通'), records };
};

globalThis.benchWrite = () => {
  if (!group) throw new Error('call benchPrepare first');
  let start = performance.now();
  const bytes = writeUploadXlsx(group, 'label');
  const writeMs = performance.now() - start;
  start = performance.now();
  sha256OfBytes(bytes);
  const hashMs = performance.now() - start;
  return { writeMs, hashMs, bytes: bytes.length, kind: Object.prototype.toString.call(bytes) };
};
