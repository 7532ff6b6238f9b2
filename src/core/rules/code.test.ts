import type { Generation, Issue } from '../model/types';
import { gridFromRecords, validRecord, type RecordValues } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { columnLetter } from '../util/columns';
import { validateWorkbook } from '../validate';

function issuesOf(generation: Generation, changes: RecordValues, rule: string): Issue[] {
  const result = validateWorkbook([gridFromRecords(generation, [validRecord(0, generation), { ...validRecord(1, generation), ...changes }])], {
    today: '20261128',
  });
  if (!result.ok) throw new Error(result.reason);
  return result.report.issues.filter((issue) => issue.rule === rule);
}

const columnOf = (generation: Generation, code: string) =>
  columnLetter(templateColumns(generation, '普通').findIndex((c) => c.code === code));

describe('code.unknown', () => {
  it('reports a 民族码 outside GB 3304 at its cell', () => {
    expect(issuesOf('G2', { MZM: '99', MZ: '汉族' }, 'code.unknown')).toEqual([
      expect.objectContaining({ row: 3, column: columnOf('G2', 'MZM'), field: 'MZM', value: '99', severity: 'error' }),
    ]);
  });

  it('proposes the padded code for a code typed without its leading zero', () => {
    expect(issuesOf('G2', { MZM: '1' }, 'code.unknown')[0].suggestion).toBe('01');
  });

  it('proposes the code when a name was typed into a code column', () => {
    expect(issuesOf('G2', { ZZMMM: '群众', ZZMM: '群众' }, 'code.unknown')[0].suggestion).toBe('13');
  });

  it('proposes the name when a code was typed into a G3 name column', () => {
    expect(issuesOf('G3', { XB: '1' }, 'code.unknown')[0]).toMatchObject({ field: 'XB', suggestion: '男' });
  });

  it('accepts every value of a complete table', () => {
    expect(issuesOf('G2', { MZM: '56', MZ: '基诺族' }, 'code.unknown')).toEqual([]);
  });
});

describe('code.unconfirmed', () => {
  it('only warns for a value outside a table that could not be sourced completely (学习形式)', () => {
    expect(issuesOf('G2', { XXXSM: '42', XXXS: '全日制' }, 'code.unconfirmed')).toEqual([
      expect.objectContaining({ field: 'XXXSM', severity: 'warning' }),
    ]);
  });
});

describe('code.alias', () => {
  it('warns about 学信网 short forms and proposes the standard name', () => {
    expect(issuesOf('G2', { ZZMM: '中共党员', ZZMMM: '01' }, 'code.alias')[0]).toMatchObject({
      field: 'ZZMM',
      severity: 'warning',
      suggestion: '中国共产党党员',
    });
  });

  it('accepts the legacy name 毛难族 with a warning', () => {
    expect(issuesOf('G2', { MZM: '36', MZ: '毛难族' }, 'code.alias')[0].suggestion).toBe('毛南族');
  });

  it('accepts 居民身份证 in G2 but asks for the full name in G3', () => {
    expect(issuesOf('G2', { ZJLX: '居民身份证' }, 'code.alias')).toEqual([]);
    expect(issuesOf('G3', { ZJLX: '居民身份证' }, 'code.alias')[0]).toMatchObject({
      field: 'ZJLX',
      suggestion: '中华人民共和国居民身份证',
    });
  });
});

describe('code.nameMismatch', () => {
  it('reports a code and a name that disagree, on the name, with the code’s name as fix', () => {
    const [issue] = issuesOf('G2', { XBM: '1', XB: '女' }, 'code.nameMismatch');
    expect(issue).toMatchObject({ field: 'XB', value: '女', suggestion: '男', severity: 'error' });
    expect(issue.message).toBe('性别码“1”对应“男”，但性别填的是“女”');
  });

  it('treats an alias as the same entry', () => {
    expect(issuesOf('G2', { ZZMMM: '03', ZZMM: '共青团员' }, 'code.nameMismatch')).toEqual([]);
  });

  it('only warns for 学习形式, whose national table is unconfirmed', () => {
    expect(issuesOf('G2', { XXXSM: '01', XXXS: '函授' }, 'code.nameMismatch')[0].severity).toBe('warning');
  });
});
