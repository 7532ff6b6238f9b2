import { createLookup } from '../codeTable';
import { CHINA_CODE, countryTable, HK_MO_TW_CODES } from './country';

const { entries } = countryTable;

describe('country table (GB/T 2659 / ISO 3166-1 numeric)', () => {
  it('holds the full current ISO 3166-1 list', () => {
    expect(entries).toHaveLength(249);
  });

  it('has 3-digit, unique codes', () => {
    for (const entry of entries) expect(entry.code).toMatch(/^\d{3}$/);
    expect(new Set(entries.map((entry) => entry.code)).size).toBe(entries.length);
  });

  it('has unique names, and no alias that is another entry’s name or alias', () => {
    const names = entries.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    const spellings = entries.flatMap((entry) => [entry.name, ...(entry.aliases ?? []), ...(entry.equivalents ?? [])]);
    const repeated = spellings.filter((spelling, index) => spellings.indexOf(spelling) !== index);
    expect(repeated).toEqual([]);
  });

  it('keeps China and its special regions as the templates use them', () => {
    const lookup = createLookup(countryTable);
    expect(lookup.byCode(CHINA_CODE)).toEqual({ code: '156', name: '中国', aliases: ['中华人民共和国', 'CHN', 'China'] });
    expect(lookup.byCode('344')?.name).toBe('中国香港');
    expect(lookup.byCode('446')?.name).toBe('中国澳门');
    expect(lookup.byCode('158')?.name).toBe('中国台湾');
    expect([...HK_MO_TW_CODES].sort()).toEqual(['158', '344', '446']);
  });

  it.each([
    ['840', '美国'],
    ['643', '俄罗斯'],
    ['392', '日本'],
    ['410', '韩国'],
    ['586', '巴基斯坦'],
    ['418', '老挝'],
    ['704', '越南'],
    ['728', '南苏丹'],
    ['729', '苏丹'],
    ['807', '北马其顿'],
    ['004', '阿富汗'],
  ])('%s is %s', (code, name) => {
    expect(createLookup(countryTable).byCode(code)?.name).toBe(name);
  });

  it('finds full names, English names and passport codes as aliases of the short name', () => {
    const lookup = createLookup(countryTable);
    expect(lookup.byName('美利坚合众国')).toMatchObject({ entry: { code: '840' }, match: 'alias' });
    expect(lookup.byName('Russian Federation')).toMatchObject({ entry: { name: '俄罗斯' }, match: 'alias' });
    expect(lookup.byName('俄罗斯联邦')).toMatchObject({ entry: { name: '俄罗斯' }, match: 'alias' });
    expect(lookup.byName('PAK')).toMatchObject({ entry: { name: '巴基斯坦' }, match: 'alias' });
    expect(lookup.byName('老挝人民民主共和国')).toMatchObject({ entry: { code: '418' }, match: 'alias' });
    expect(lookup.byName('韩国')).toMatchObject({ entry: { code: '410' }, match: 'exact' });
  });
});
