import { decodeText, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"f\ng",h\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['f\ng', 'h'],
    ]);
  });

  it('reads tab-separated text when the first line has tabs and no comma', () => {
    expect(parseCsv('XM\tSFZH\n张三\t11010120000101123X\n')).toEqual([
      ['XM', 'SFZH'],
      ['张三', '11010120000101123X'],
    ]);
    expect(parseCsv('a,b\tc\n')).toEqual([['a', 'b\tc']]);
  });

  it("unwraps Excel's =\"0123\" guard for leading zeros", () => {
    expect(parseCsv('XH,ZYDM\n="0012",="050201"\n')).toEqual([
      ['XH', 'ZYDM'],
      ['0012', '050201'],
    ]);
  });
});

describe('decodeText', () => {
  it('takes UTF-8 (dropping a BOM) and falls back to GBK', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0xbc, 0xa0]))).toBe('张');
    expect(decodeText(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]))).toBe('张三');
  });
});
