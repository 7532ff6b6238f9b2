import { FIELDS } from '../template/fields';
import { normaliseCell, numberToText } from './cell';
import { toExcelSerial } from './excelDate';

const rules = (cell: ReturnType<typeof normaliseCell>) => cell.findings.map((f) => f.rule);

describe('normaliseCell', () => {
  it('leaves clean text alone', () => {
    expect(normaliseCell('张三', FIELDS.XM)).toEqual({ text: '张三', raw: '张三', findings: [] });
  });

  it('treats empty and null as empty', () => {
    expect(normaliseCell(null, FIELDS.XM).text).toBe('');
    expect(normaliseCell('', FIELDS.XM).findings).toEqual([]);
  });

  it('reports an ID stored as a number as lost digits, without a suggestion', () => {
    const cell = normaliseCell(500101200001010000, FIELDS.ZJHM);
    expect(rules(cell)).toEqual(['cell.numberLostDigits']);
    expect(cell.findings[0].suggestion).toBeUndefined();
  });

  it('reports a code that lost its leading zero and proposes the padded code', () => {
    const cell = normaliseCell(1, FIELDS.MZM, { codeLength: 2 });
    expect(cell.text).toBe('01');
    expect(cell.raw).toBe('1');
    expect(cell.findings[0]).toMatchObject({ rule: 'cell.numberLostDigits', suggestion: '01' });
  });

  it('warns about a number that lost nothing', () => {
    const cell = normaliseCell(12608, FIELDS.XWSYDWM);
    expect(rules(cell)).toEqual(['cell.storedAsNumber']);
    expect(cell.text).toBe('12608');
  });

  it('converts an Excel date cell to YYYYMMDD and warns', () => {
    const cell = normaliseCell(toExcelSerial('20240620'), FIELDS.HXWRQ, { numberFormat: 'yyyy/m/d' });
    expect(cell.text).toBe('20240620');
    expect(cell.findings[0]).toMatchObject({ rule: 'cell.dateValue', suggestion: '20240620' });
  });

  it('converts an Excel date cell in a month column to YYYYMM', () => {
    expect(normaliseCell(toExcelSerial('20200901'), FIELDS.RXNY, { numberFormat: 'yyyy"年"m"月"' }).text).toBe('202009');
  });

  it('keeps 学制 numbers as plain text', () => {
    expect(normaliseCell(4, FIELDS.XZ)).toEqual({ text: '4', raw: '4', findings: [] });
    expect(normaliseCell(2.5, FIELDS.XZ).text).toBe('2.5');
  });

  it('reports Excel error values', () => {
    expect(rules(normaliseCell('#N/A', FIELDS.XM))).toEqual(['cell.errorValue']);
    expect(rules(normaliseCell('x', FIELDS.XM, { valueType: 'Error' }))).toEqual(['cell.errorValue']);
  });

  it.each([
    ['张三 ', '张三', 'cell.whitespace'],
    ['\u3000张三', '张三', 'cell.whitespace'],
    ['Zhang  San', 'Zhang San', 'cell.whitespace'],
    ['张\u200B三', '张三', 'cell.invisibleChar'],
    ['张\n三', '张三', 'cell.lineBreak'],
    ['２００１０５０３', '20010503', 'cell.fullWidth'],
  ])('cleans %j to %j and reports %s with the cleaned value', (raw, text, rule) => {
    const field = rule === 'cell.fullWidth' ? FIELDS.CSRQ : rule === 'cell.whitespace' && raw.startsWith('Z') ? FIELDS.XMPY : FIELDS.XM;
    const cell = normaliseCell(raw, field);
    expect(cell.text).toBe(text);
    expect(cell.raw).toBe(raw);
    expect(cell.findings).toEqual([{ rule, suggestion: text }]);
  });

  it('keeps full-width punctuation that Chinese text needs', () => {
    expect(normaliseCell('英语（商务方向）', FIELDS.ZSZYMC).findings).toEqual([]);
  });
});

describe('numberToText', () => {
  it('writes integers without exponent and decimals without binary noise', () => {
    expect(numberToText(1.23e17)).toBe('123000000000000000');
    expect(numberToText(274.65999999999997)).toBe('274.66');
  });
});
