import type { CellValue, Issue, SheetGrid } from '../model/types';
import { gridFromRecords, validRecord, type RecordValues } from '../testing/fixtures';
import { XUEJI_HEADER, xuejiGrid as xuejiSheet, xuejiRow as xuejiExportRow } from '../testing/xuejiFixtures';
import { validateWorkbook } from '../validate';
import { findXuejiSheets, readXuejiSheet } from './sheet';

/** 学籍 rows as a messy export has them: a lower-case x in the ID number, spaces around the major's name. */
const xuejiRow = (record: RecordValues, changes: Record<string, CellValue> = {}): CellValue[] =>
  xuejiExportRow(record, { SFZH: record.ZJHM.toLowerCase(), ZYMC: ` ${record.ZYMC}\u3000`, ...changes });

/** A 学籍 sheet with lower-case codes as its header, unless a test gives another. */
const xuejiGrid = (rows: CellValue[][], header: CellValue[] = XUEJI_HEADER.map((h) => h.toLowerCase())): SheetGrid =>
  xuejiSheet(rows, '学籍', header);

const records = Array.from({ length: 6 }, (_, i) => validRecord(i, 'G2'));

function reconcileWith(degree: RecordValues[], xueji: SheetGrid) {
  const sheet = readXuejiSheet(xueji);
  if (!sheet) throw new Error('not a 学籍 sheet');
  const result = validateWorkbook([gridFromRecords('G2', degree), xueji], { today: '20261128', xueji: [sheet] });
  if (!result.ok) throw new Error(result.reason);
  return result.report;
}

const xuejiIssues = (issues: Issue[]) => issues.filter((issue) => issue.rule.startsWith('xueji.'));

describe('reading 学籍 exports', () => {
  it('recognises lower-case codes, upper-case codes and Chinese labels', () => {
    expect(readXuejiSheet(xuejiGrid([]))?.columns.has('SFZH')).toBe(true);
    const chinese = xuejiGrid([], ['考生号', '学号', '姓名', '性别', '身份证号', '入学日期', '预计毕业日期']);
    expect([...(readXuejiSheet(chinese)?.columns ?? [])]).toEqual(['KSH', 'XH', 'XM', 'XB', 'SFZH', 'RXRQ', 'YJBYRQ']);
  });

  it('does not take the degree template for a 学籍 export', () => {
    expect(findXuejiSheets([gridFromRecords('G2', records)])).toEqual([]);
  });

  it('tells 学历 exports (毕结业结论) from 学籍 ones', () => {
    expect(readXuejiSheet(xuejiGrid([], ['XM', 'SFZH', 'BYRQ', 'BJYJL', 'ZSBH']))?.kind).toBe('学历');
  });
});

describe('reconciling a clean pair', () => {
  it('finds no error despite aliases, case, spacing, T/K suffixes and 4 vs 4.0', () => {
    const extra = validRecord(40, 'G2');
    const report = reconcileWith(records, xuejiGrid([...records.map((r) => xuejiRow(r)), xuejiRow(extra)]));
    expect(xuejiIssues(report.issues).filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.reconciliation).toMatchObject({ matched: 6, notFound: 0, ambiguous: 0, missingDegree: 1, xuejiRecords: 7 });
    expect(xuejiIssues(report.issues)).toEqual([
      expect.objectContaining({ rule: 'xueji.noDegreeRow', sheet: '学籍', row: 8, severity: 'info' }),
    ]);
  });
});

describe('reconciling mismatches', () => {
  const cases: [string, Record<string, CellValue>, string, string][] = [
    ['name', { XM: '王晓明' }, 'xueji.name', 'XM'],
    ['birth date', { CSRQ: '2000-01-02' }, 'xueji.birthDate', 'CSRQ'],
    ['sex', { XB: '女' }, 'xueji.sex', 'XBM'],
    ['ethnic group', { MZ: '回族' }, 'xueji.ethnicity', 'MZM'],
    ['political status', { ZZMM: '中共党员' }, 'xueji.political', 'ZZMMM'],
    ['major code', { ZYDM: '050202' }, 'xueji.majorCode', 'ZYDM'],
    ['major name', { ZYMC: '俄语' }, 'xueji.majorName', 'ZYMC'],
    ['length', { XZ: '5' }, 'xueji.length', 'XZ'],
    ['enrolment', { RXRQ: '20180901' }, 'xueji.enrolment', 'RXNY'],
    ['graduation', { YJBYRQ: '20240630' }, 'xueji.graduation', 'BYNY'],
    ['exam number', { KSH: '19500101999999' }, 'xueji.examNumber', 'KSH'],
    ['status', { ZCZT: '休学' }, 'xueji.status', 'XM'],
  ];

  it.each(cases)('reports a different %s at the degree row and field', (_, change, rule, field) => {
    const rows = records.map((r, i) => xuejiRow(r, i === 2 ? change : {}));
    const issues = xuejiIssues(reconcileWith(records, xuejiGrid(rows)).issues).filter((i) => i.rule === rule);
    expect(issues).toEqual([expect.objectContaining({ rule, row: 4, field, sheet: '学位授予信息' })]);
    expect(issues[0].message).toContain('学籍第4行');
  });

  it('reports key-field differences as errors without a one-click fix, others as warnings with the 学籍 value', () => {
    const rows = records.map((r, i) => xuejiRow(r, i === 0 ? { XM: '王晓明', ZYMC: '俄语' } : {}));
    const issues = xuejiIssues(reconcileWith(records, xuejiGrid(rows)).issues);
    expect(issues.find((i) => i.rule === 'xueji.name')?.severity).toBe('error');
    expect(issues.find((i) => i.rule === 'xueji.name')?.suggestion).toBeUndefined();
    expect(issues.find((i) => i.rule === 'xueji.majorName')).toMatchObject({ severity: 'warning', suggestion: '俄语' });
  });

  it('joins by 学号 when the ID differs, and reports the ID difference', () => {
    const rows = records.map((r, i) => xuejiRow(r, i === 1 ? { SFZH: '500101200002020023' } : {}));
    const issues = xuejiIssues(reconcileWith(records, xuejiGrid(rows)).issues);
    expect(issues).toEqual([expect.objectContaining({ rule: 'xueji.idNumber', row: 3, field: 'ZJHM', severity: 'error' })]);
  });

  it('reports a row that matches no 学籍 record, and one whose keys point at different records', () => {
    const degree = records.map((r, i) => (i === 2 ? { ...r, XH: records[3].XH } : r));
    const report = reconcileWith(degree, xuejiGrid(records.slice(1).map((r) => xuejiRow(r))));
    const rules = xuejiIssues(report.issues).map((i) => [i.rule, i.row]);
    expect(rules).toEqual([
      ['xueji.notFound', 2],
      ['xueji.ambiguous', 4],
    ]);
    expect(report.reconciliation).toMatchObject({ matched: 4, notFound: 1, ambiguous: 1 });
  });

  it('checks the award date against the 学历 graduation day and the 毕结业结论', () => {
    const header = ['XM', 'SFZH', 'BYRQ', 'BJYJL'];
    const rows = records.map((r, i) => [r.XM, r.ZJHM, i === 0 ? '20230625' : '20230620', i === 1 ? '结业' : '毕业']);
    const report = reconcileWith(records, { name: '学历', startRow: 1, startColumn: 0, values: [header, ...rows] });
    const rules = xuejiIssues(report.issues).map((i) => [i.rule, i.row, i.field]);
    expect(rules).toEqual([
      ['xueji.awardBeforeGraduation', 2, 'HXWRQ'],
      ['xueji.conclusion', 3, 'XM'],
    ]);
  });
});
