import { detectCategory, detectGeneration, parseCategory, parseGeneration } from './detect';
import { TEMPLATES, templateColumns } from './generations';

const codesOf = (generation: 'G1' | 'G2' | 'G3') => new Set(TEMPLATES[generation].columns.map((c) => c.code));

describe('detectGeneration', () => {
  it('recognises each generation from its own header set', () => {
    expect(detectGeneration(codesOf('G1'))).toBe('G1');
    expect(detectGeneration(codesOf('G2'))).toBe('G2');
    expect(detectGeneration(codesOf('G3'))).toBe('G3');
  });

  it('takes a name-valued sheet without thesis columns for G3', () => {
    expect(detectGeneration(new Set(['XM', 'XB', 'ZJLX', 'ZJHM', 'GB', 'XWZSBH']))).toBe('G3');
  });
});

describe('detectCategory', () => {
  const base = { hasAdultExamColumn: false, adultExamFilled: 0, rows: 10, foreignRows: 0 };
  it('defaults to 普通', () => expect(detectCategory(base)).toBe('普通'));
  it('sees 成人 in a filled adult exam column', () =>
    expect(detectCategory({ ...base, hasAdultExamColumn: true, adultExamFilled: 3 })).toBe('成人'));
  it('sees 来华留学 when most rows are foreign nationals', () =>
    expect(detectCategory({ ...base, foreignRows: 6 })).toBe('来华留学'));
});

describe('template tables', () => {
  it('G2 has the 40 columns of the national template and 41 for 成人', () => {
    expect(templateColumns('G2', '普通')).toHaveLength(40);
    expect(templateColumns('G2', '成人')).toHaveLength(41);
  });

  it('G3 keeps XB, MZ, ZJLX and GB as names and makes LWXTLY, MZ and XH optional', () => {
    const g3 = templateColumns('G3', '普通');
    const codes = g3.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['XB', 'MZ', 'ZJLX', 'GB']));
    expect(codes).not.toEqual(expect.arrayContaining(['XBM']));
    for (const code of ['LWXTLY', 'MZ', 'XH']) expect(g3.find((c) => c.code === code)?.presence['普通']).toBe('optional');
  });

  it('来华留学 leaves 民族 and 政治面貌 empty', () => {
    const g2 = templateColumns('G2', '来华留学');
    for (const code of ['MZM', 'MZ', 'ZZMMM', 'ZZMM']) expect(g2.find((c) => c.code === code)?.presence['来华留学']).toBe('empty');
  });
});

describe('parsing overrides', () => {
  it.each([
    ['普通', '普通'],
    ['成人', '成人'],
    ['自考', '成人'],
    ['来华留学', '来华留学'],
    ['international', '来华留学'],
  ])('reads category %s', (text, category) => expect(parseCategory(text)).toBe(category));
  it('rejects an unknown category', () => expect(parseCategory('研究生')).toBeUndefined());
  it('reads g2 as G2 and rejects g4', () => {
    expect(parseGeneration('g2')).toBe('G2');
    expect(parseGeneration('g4')).toBeUndefined();
  });
});
