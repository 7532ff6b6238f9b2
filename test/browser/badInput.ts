/** Workbooks with the bad-input cases of the add-in (issue 4, "Bad input"), written with ExcelJS for the browser test. */
import ExcelJS from 'exceljs';
import { gridFromRecords, validRecord } from '../../src/core/testing/fixtures';

async function save(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await workbook.xlsx.writeFile(file);
}

/**
 * Two template sheets: 学院甲 is protected, has a merged title over the header, a formula in a data cell, a hidden
 * row and an active filter; 学院乙 is plain. The cases must be explained without changing anything.
 */
export async function writeTroublesomeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const records = Array.from({ length: 12 }, (_, i) => validRecord(i));
  records[3] = { ...records[3], XBM: '9' };
  const first = gridFromRecords('G2', records.slice(0, 6), { name: '学院甲', titleRows: ['学院甲 学士学位授予信息'] });
  const second = gridFromRecords('G2', records.slice(6), { name: '学院乙' });

  const a = workbook.addWorksheet(first.name);
  for (const row of first.values) a.addRow(row);
  a.mergeCells('A1:C1');
  a.mergeCells('D2:E2'); // a merged header: 性别码 and 性别 share one cell
  a.getCell('A4').value = { formula: 'CONCATENATE("王","晓红")', result: String(first.values[3][0]) };
  a.getRow(5).hidden = true;
  a.autoFilter = `A2:${a.getColumn(first.values[1].length).letter}8`;
  await a.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  const b = workbook.addWorksheet(second.name);
  for (const row of second.values) b.addRow(row);
  await save(workbook, file);
}

/** A workbook without any sheet that looks like the template. */
export async function writeWorkbookWithoutTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成绩单');
  sheet.addRow(['学号', '课程', '成绩']);
  sheet.addRow(['2019000001', '高等数学', 90]);
  await save(workbook, file);
}
