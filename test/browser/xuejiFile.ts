/** A 学信网 学籍 export made from an example workbook, with chosen differences, for the browser test of 学籍比对. */
import ExcelJS from 'exceljs';
import type { DigestableRecord } from '../../src/core/audit/digest';
import { validateWorkbook } from '../../src/core/validate';
import { readWorkbook } from '../../src/node/readWorkbook';

const HEADER = ['考生号', '学号', '姓名', '性别', '出生日期', '身份证号', '专业名称', '入学日期', '预计毕业日期', '学籍状态'];

/** The example's records as the engine cleaned them. */
export async function recordsOf(file: string): Promise<DigestableRecord[]> {
  const records: DigestableRecord[] = [];
  const result = validateWorkbook(await readWorkbook(file), {
    onRecord: (sheet, record) => records.push({ sheet, excelRow: record.excelRow, values: record.values }),
  });
  if (!result.ok) throw new Error(`no template in ${file}`);
  return records;
}

/**
 * Writes the 学籍 export of `records` (Chinese labels, as 学信网 writes them) with `changes` applied to the record at
 * each index, e.g. `{ 0: { ZYMC: '国际商务' } }`.
 */
export async function writeXuejiFile(
  file: string,
  records: readonly DigestableRecord[],
  changes: Record<number, Partial<Record<'XM' | 'ZYMC' | 'XB', string>>> = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学籍');
  sheet.addRow(HEADER);
  records.forEach((record, index) => {
    const v: Record<string, string | undefined> = { ...record.values, ...changes[index] };
    const row = sheet.addRow([
      v.KSH,
      v.XH,
      v.XM,
      v.XB,
      v.CSRQ,
      v.ZJHM,
      v.ZYMC,
      v.RXNY ? `${v.RXNY}01` : '',
      v.BYNY ? `${v.BYNY}30` : '',
      '注册学籍',
    ]);
    row.eachCell((cell) => (cell.numFmt = '@'));
  });
  await workbook.xlsx.writeFile(file);
}
