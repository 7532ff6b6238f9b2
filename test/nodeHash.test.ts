import fc from 'fast-check';
import { digestRows } from '../src/core/audit/digest';
import { sha256Hex, useSha256 } from '../src/core/audit/hash';
import { installNodeSha256 } from '../src/node/nodeHash';

describe("the CLI's native SHA-256", () => {
  afterEach(() => useSha256(undefined));

  it('gives the published digest of "abc"', () => {
    installNodeSha256();
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes any text, Chinese and supplementary-plane characters included, as the add-in’s pure SHA-256 does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        useSha256(undefined);
        const pure = sha256Hex(text);
        installNodeSha256();
        expect(sha256Hex(text)).toBe(pure);
      }),
    );
  });

  it('gives the same row digests as the pure implementation', () => {
    const rows = [
      { sheet: '学位授予信息', excelRow: 2, values: { XM: '张𠮷', ZJHM: '11010519491231002X', BZ: '"引号"\\' } },
      { sheet: '学位授予信息', excelRow: 3, values: { XM: '李四', ZJHM: '110105194912310021', BZ: '' } },
    ];
    const pure = digestRows(rows);
    installNodeSha256();
    expect(digestRows(rows)).toEqual(pure);
  });
});
