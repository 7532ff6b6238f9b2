import { DbfValueError, writeDbf } from './dbf';
import { gbkEncoderFromTextDecoder, isPrivateUse } from './encoding';

const gbk = gbkEncoderFromTextDecoder();

describe('the GBK encoder built from TextDecoder', () => {
  it('encodes Chinese names, the middle dot and ASCII', () => {
    const result = gbk.encode('张三·Li 1');
    expect(result.ok && Array.from(result.bytes)).toEqual([0xd5, 0xc5, 0xc8, 0xfd, 0xa1, 0xa4, 0x4c, 0x69, 0x20, 0x31]);
  });

  it('names every character GBK cannot hold: GB18030-only, emoji, private use', () => {
    expect(gbk.encode('张𠮷𠮷')).toEqual({ ok: false, unencodable: ['𠮷'] });
    expect(gbk.encode('王😀\uE000')).toEqual({ ok: false, unencodable: ['😀', '\uE000'] });
    expect(isPrivateUse('\uE815')).toBe(true);
  });
});

describe('the dBASE III writer', () => {
  const fields = [
    { name: 'xm', length: 8 },
    { name: 'xbm', length: 1 },
  ];

  it('writes the header, the field descriptors, space-padded records and the end mark', () => {
    const bytes = writeDbf(fields, [['张三', '1'], ['', '2']], gbk, { date: '20260705' });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(bytes[0]).toBe(0x03);
    expect([bytes[1], bytes[2], bytes[3]]).toEqual([126, 7, 5]);
    expect(view.getUint32(4, true)).toBe(2);
    expect(view.getUint16(8, true)).toBe(32 + 64 + 1);
    expect(view.getUint16(10, true)).toBe(1 + 8 + 1);
    expect(bytes[29]).toBe(0x4d);
    expect(String.fromCharCode(...bytes.subarray(32, 34))).toBe('xm');
    expect(bytes[32 + 11]).toBe(0x43);
    expect(bytes[32 + 16]).toBe(8);
    expect(bytes[64 + 16]).toBe(1);
    expect(bytes[96]).toBe(0x0d);
    expect(Array.from(bytes.subarray(97, 107))).toEqual([0x20, 0xd5, 0xc5, 0xc8, 0xfd, 0x20, 0x20, 0x20, 0x20, 0x31]);
    expect(bytes.length).toBe(97 + 2 * 10 + 1);
    expect(bytes[bytes.length - 1]).toBe(0x1a);
  });

  it('refuses to write a “?” or to cut a value short', () => {
    expect(() => writeDbf(fields, [['张𠮷', '1']], gbk, { date: '20260705' })).toThrow(DbfValueError);
    expect(() => writeDbf(fields, [['欧阳娜娜娜', '1']], gbk, { date: '20260705' })).toThrow(/longer than the field/);
    expect(() => writeDbf([{ name: 'toolongname1', length: 1 }], [], gbk, { date: '20260705' })).toThrow(/field name/);
    expect(() => writeDbf([{ name: 'bz', length: 255 }], [], gbk, { date: '20260705' })).toThrow(/length/);
  });
});
