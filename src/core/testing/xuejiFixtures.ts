/**
 * 学信网 学籍 exports of fixture degree records, for tests and benchmarks: the columns 学信网 exports, written the way
 * it writes them (short forms such as 汉 and 共青团员, major codes without T/K, 学制 4.0, full dates).
 */
import type { CellValue, SheetGrid } from '../model/types';
import type { RecordValues } from './fixtures';

export const XUEJI_HEADER = ['KSH', 'XH', 'XM', 'XB', 'CSRQ', 'SFZH', 'ZZMM', 'MZ', 'ZYDM', 'ZYMC', 'XZ', 'XXXS', 'RXRQ', 'YJBYRQ', 'ZCZT'];

/** The 学籍 row of a degree record, with changes. */
export function xuejiRow(record: RecordValues, changes: Record<string, CellValue> = {}): CellValue[] {
  const values: Record<string, CellValue> = {
    KSH: record.KSH,
    XH: record.XH,
    XM: record.XM,
    XB: record.XB,
    CSRQ: record.CSRQ,
    SFZH: record.ZJHM,
    ZZMM: '共青团员',
    MZ: '汉',
    ZYDM: record.ZYDM.slice(0, 6),
    ZYMC: record.ZYMC,
    XZ: '4.0',
    XXXS: '普通全日制',
    RXRQ: `${record.RXNY}01`,
    YJBYRQ: `${record.BYNY}30`,
    ZCZT: '注册学籍',
    ...changes,
  };
  return XUEJI_HEADER.map((code) => values[code]);
}

/** A 学籍 sheet of rows under the header (the field codes, or the labels a test chooses). */
export function xuejiGrid(rows: CellValue[][], name = '学籍', header: readonly CellValue[] = XUEJI_HEADER): SheetGrid {
  return { name, startRow: 1, startColumn: 0, values: [[...header], ...rows] };
}
