import type { Issue } from '../../core/model/types';
import { gridFromRecords, validRecord } from '../../core/testing/fixtures';
import { measureQuality } from './quality';

describe('per-field quality', () => {
  const records = [validRecord(0), validRecord(1), validRecord(2), validRecord(3)];
  records[1] = { ...records[1], BZ: '' };
  const grid = gridFromRecords('G2', records);
  const at = (row: number, field: string, severity: Issue['severity']): Issue => ({
    rule: 'r',
    severity,
    sheet: grid.name,
    row,
    column: 'A',
    field,
    value: null,
    message: '',
  });

  it('counts valid, warned, erroneous and empty cells per field in column order', () => {
    const issues = [at(2, 'ZJHM', 'error'), at(2, 'ZJHM', 'warning'), at(3, 'ZJHM', 'warning'), at(4, 'ZJHM', 'info')];
    const quality = measureQuality([grid], issues);
    expect(quality[0].field).toBe(String(grid.values[0][0]));
    const zjhm = quality.find((q) => q.field === 'ZJHM')!;
    expect(zjhm).toEqual({ field: 'ZJHM', cells: 4, valid: 2, warning: 1, error: 1, empty: 0 });
    const bz = quality.find((q) => q.field === 'BZ')!;
    expect(bz.empty).toBe(4);
  });

  it('counts an empty cell with an error as an error, skips blank rows and other sheets', () => {
    const withBlank = { ...grid, values: [...grid.values, [], [...grid.values[1]]] };
    const quality = measureQuality([withBlank], [at(2, 'BZ', 'error'), { ...at(2, 'XM', 'error'), sheet: 'other' }]);
    const bz = quality.find((q) => q.field === 'BZ')!;
    expect(bz).toMatchObject({ cells: 5, error: 1, empty: 4 });
    expect(quality.find((q) => q.field === 'XM')!.error).toBe(0);
    expect(measureQuality([withBlank], [], ['not this one'])).toEqual([]);
  });
});
