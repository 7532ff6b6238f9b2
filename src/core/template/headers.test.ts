import type { CellValue, SheetGrid } from '../model/types';
import { detectHeader, fieldCodeOfHeader } from './headers';

const grid = (values: CellValue[][], startRow = 1): SheetGrid => ({ name: 'S', startRow, startColumn: 0, values });

describe('fieldCodeOfHeader', () => {
  it.each([
    ['ZJHM', 'ZJHM'],
    ['zjhm', 'ZJHM'],
    [' XM ', 'XM'],
    ['身份证件号码(ZJHM)', 'ZJHM'],
    ['身份证件号码（ZJHM）', 'ZJHM'],
    ['身份证件号码（zjhm）', 'ZJHM'],
    ['身份证件号码', 'ZJHM'],
    ['证件号码', 'ZJHM'],
    ['决议编号（文号）(JYBH)', 'JYBH'],
    ['决议编号（文号）', 'JYBH'],
    ['学位授予单位校长（院长、所长）姓名', 'XZXM'],
    ['学位授予单位校长（院长、所长）姓名(XZXM)', 'XZXM'],
    ['学士专业码', 'ZYDM'],
    ['性别', 'XB'],
    ['性别码', 'XBM'],
    ['姓名*', 'XM'],
  ])('reads %s as %s', (header, code) => {
    expect(fieldCodeOfHeader(header)).toBe(code);
  });

  it.each([['学院'], ['备注说明'], [''], [null], [42], ['(ABC)']])('does not read %p as a field', (header) => {
    expect(fieldCodeOfHeader(header as CellValue)).toBeUndefined();
  });
});

describe('detectHeader', () => {
  const header = ['XM', 'XB', 'CSRQ', 'ZJHM', 'XWZSBH', 'HXWRQ'];

  it('finds the header below title rows and reports its Excel row', () => {
    const match = detectHeader(grid([['2025年学士学位授予信息'], [], header, ['张三']]));
    expect(match?.excelRow).toBe(3);
    expect(match?.columns.get('ZJHM')).toBe(3);
  });

  it('uses the grid offset for the Excel row number', () => {
    expect(detectHeader(grid([header], 5))?.excelRow).toBe(5);
  });

  it('ignores a header below the first 10 rows', () => {
    const rows: CellValue[][] = Array.from({ length: 10 }, () => ['标题']);
    expect(detectHeader(grid([...rows, header]))).toBeUndefined();
  });

  it('reports duplicate and unknown columns', () => {
    const match = detectHeader(grid([[...header, 'zjhm', '学院']]));
    expect(match?.duplicates).toEqual([{ code: 'ZJHM', indexes: [3, 6] }]);
    expect(match?.unknown).toEqual([{ index: 7, label: '学院' }]);
  });

  it('does not take a 学籍 export (people but no degree fields) for the template', () => {
    expect(detectHeader(grid([['KSH', 'XH', 'XM', 'XB', 'CSRQ', 'SFZH', 'ZYDM', 'ZYMC', 'RXRQ']]))).toBeUndefined();
  });
});
