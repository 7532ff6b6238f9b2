import fc from 'fast-check';
import { codesFor } from '../codes/lookups';
import type { Generation, Issue, Locale } from '../model/types';
import { DEFAULT_PROFILE } from '../profile/profile';
import { excelRowOf, gridFromRecords, validRecord, type GridOptions, type RecordValues } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { columnLetter } from '../util/columns';
import { findTemplateSheets, validateTemplateSheets, validateWorkbook } from '../validate';
import type { CheckedRow, SheetContext, SheetRows } from './rule';
import { checkUniqueness, uniqueRules } from './unique';

const TODAY = '20261128';
const RULE_IDS = new Set(Object.keys(uniqueRules));

interface Sheet {
  generation?: Generation;
  records: RecordValues[];
  options?: GridOptions;
}

function run(sheets: Sheet[], locale?: Locale): Issue[] {
  const grids = sheets.map((sheet, i) =>
    gridFromRecords(sheet.generation ?? 'G2', sheet.records, { name: `学院${i + 1}`, ...sheet.options }),
  );
  const result = validateWorkbook(grids, { today: TODAY, locale });
  if (!result.ok) throw new Error(result.reason);
  return result.report.issues.filter((issue) => RULE_IDS.has(issue.rule));
}

/** Records validRecord(from) … validRecord(from + changes.length - 1) with the changes applied. */
const records = (changes: RecordValues[], generation: Generation = 'G2', from = 0) =>
  changes.map((change, i) => ({ ...validRecord(from + i, generation), ...change }));

function at(sheet: number, record: number, field: string, generation: Generation = 'G2', options: GridOptions = {}) {
  const index = templateColumns(generation, '普通').findIndex((column) => column.code === field);
  return { sheet: `学院${sheet + 1}`, row: excelRowOf(record, options), column: columnLetter(index), field };
}

const FIELDS_OF_RULE = { 'unique.certificate': 'XWZSBH', 'unique.studentNumber': 'XH', 'unique.examNumber': 'KSH', 'unique.person': 'ZJHM' };

describe('distinct records', () => {
  it('raise nothing, within and across sheets', () => {
    expect(run([{ records: records([{}, {}, {}]) }, { records: records([{}, {}], 'G2', 3) }])).toEqual([]);
  });

  it('raise nothing in G1 and G3', () => {
    expect(run([{ generation: 'G1', records: records([{}, {}, {}], 'G1') }])).toEqual([]);
    expect(run([{ generation: 'G3', records: records([{}, {}, {}], 'G3') }])).toEqual([]);
  });
});

describe.each(Object.entries(FIELDS_OF_RULE))('%s', (rule, field) => {
  it('reports every row of a duplicate pair, each naming the other', () => {
    const base = records([{}, {}, {}]);
    base[2][field] = base[0][field];
    const issues = run([{ records: base }]);
    expect(issues).toEqual([
      expect.objectContaining({ rule, severity: 'error', value: base[0][field], ...at(0, 0, field) }),
      expect.objectContaining({ rule, severity: 'error', value: base[0][field], ...at(0, 2, field) }),
    ]);
    expect(issues[0].message).toContain('与第 4 行');
    expect(issues[1].message).toContain('与第 2 行');
    expect(issues.every((issue) => issue.suggestion === undefined)).toBe(true);
  });

  it('finds a duplicate on another sheet and names that sheet', () => {
    const first = records([{}, {}]);
    const other = records([{}, {}], 'G2', 5);
    other[1][field] = first[0][field];
    const issues = run([{ records: first }, { records: other }]);
    expect(issues).toEqual([
      expect.objectContaining({ rule, ...at(0, 0, field) }),
      expect.objectContaining({ rule, ...at(1, 1, field) }),
    ]);
    expect(issues[0].message).toContain('与工作表“学院2”第 3 行');
    expect(issues[1].message).toContain('与工作表“学院1”第 2 行');
  });
});

describe('messages', () => {
  it('name the other rows of a three-way duplicate', () => {
    const base = records([{}, {}, {}, {}]);
    base[1].XH = base[0].XH;
    base[3].XH = base[0].XH;
    expect(run([{ records: base }]).map((issue) => [issue.row, issue.message])).toEqual([
      [2, `学号“${base[0].XH}”与第 3、5 行重复`],
      [3, `学号“${base[0].XH}”与第 2、5 行重复`],
      [5, `学号“${base[0].XH}”与第 2、3 行重复`],
    ]);
  });

  it('group the other rows by sheet', () => {
    const first = records([{}, {}, {}]);
    const other = records([{}], 'G2', 5);
    first[2].KSH = first[0].KSH;
    other[0].KSH = first[0].KSH;
    const messages = run([{ records: first }, { records: other }]).map((issue) => issue.message);
    expect(messages).toEqual([
      `考生号“${first[0].KSH}”与第 4 行、工作表“学院2”第 2 行重复`,
      `考生号“${first[0].KSH}”与第 2 行、工作表“学院2”第 2 行重复`,
      `考生号“${first[0].KSH}”与工作表“学院1”第 2、4 行重复`,
    ]);
  });

  it('are written in English too', () => {
    const first = records([{}, {}, {}]);
    const other = records([{}], 'G2', 5);
    first[2].XWZSBH = first[0].XWZSBH;
    other[0].XWZSBH = first[0].XWZSBH;
    expect(run([{ records: first }, { records: other }], 'en-US')[0].message).toBe(
      `Degree certificate number “${first[0].XWZSBH}” is also used in row 4; row 2 of sheet “学院2”`,
    );
  });

  it('list at most ten other rows and count the rest', () => {
    const base = records(Array.from({ length: 15 }, () => ({})));
    for (const record of base) record.XH = '2019000001';
    const issues = run([{ records: base }]);
    expect(issues).toHaveLength(15);
    expect(issues[0].message).toBe('学号“2019000001”与第 3、4、5、6、7、8、9、10、11、12 行等 14 行重复');
    expect(issues[14].message).toBe('学号“2019000001”与第 2、3、4、5、6、7、8、9、10、11 行等 14 行重复');
    const english = run([{ records: base }], 'en-US');
    expect(english[0].message).toBe('Student number “2019000001” is also used in rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 4 more rows');
  });
});

describe('unique.person', () => {
  const withX = Array.from({ length: 400 }, (_, i) => i).find((i) => validRecord(i).ZJHM.endsWith('X'))!;

  it('compares the check character X case-insensitively', () => {
    const id = validRecord(withX).ZJHM;
    const issues = run([{ records: records([{ ZJHM: id }, {}, { ZJHM: id.toLowerCase() }]) }]);
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'unique.person', ...at(0, 0, 'ZJHM') }),
      expect.objectContaining({ rule: 'unique.person', ...at(0, 2, 'ZJHM') }),
    ]);
    expect(issues[0].message).toBe(`身份证件号码 ${id} 的学士学位记录与第 4 行重复`);
  });

  it('allows one row per degree kind: a 辅修 or 第二学位 row of the same person raises nothing', () => {
    const main = validRecord(0, 'G1');
    const rows = [main, { ...main, SFFXXW: '是' }, { ...main, SFDEXW: '是' }, { ...main, SFDEXW: 'Y', SFFXXW: '是' }];
    expect(run([{ generation: 'G1', records: rows }])).toEqual([]);
  });

  it('reports two rows of the same kind, naming the kind', () => {
    const main = validRecord(0, 'G1');
    const rows = [main, { ...main, SFFXXW: '是', XWZSBH: '1260842023900001' }, { ...main, SFFXXW: '1', XWZSBH: '1260842023900002' }];
    const issues = run([{ generation: 'G1', records: rows }]);
    expect(issues.map((issue) => [issue.rule, issue.row])).toEqual([
      ['unique.person', 3],
      ['unique.examNumber', 3],
      ['unique.studentNumber', 3],
      ['unique.person', 4],
      ['unique.examNumber', 4],
      ['unique.studentNumber', 4],
    ]);
    expect(issues[0].message).toBe(`身份证件号码 ${main.ZJHM} 的辅修学士学位记录与第 4 行重复`);
  });

  it('treats sheets without flag columns as main degrees', () => {
    const g1 = validRecord(0, 'G1');
    const g2 = { ...validRecord(3, 'G2'), ZJHM: g1.ZJHM };
    expect(run([{ generation: 'G1', records: [g1] }, { records: [g2] }]).map((issue) => issue.rule)).toEqual([
      'unique.person',
      'unique.person',
    ]);
  });
});

describe('empty values', () => {
  it('are skipped', () => {
    // G3 学号 is optional: many rows without one are no duplicate.
    expect(run([{ generation: 'G3', records: records([{ XH: '' }, { XH: '' }, { XH: '' }], 'G3') }])).toEqual([]);
  });
});

describe('locations', () => {
  it('follow each sheet’s own layout (generation, title rows)', () => {
    const titled: GridOptions = { titleRows: ['2025年学位授予信息', '填报单位：外国语学院'] };
    const g2 = records([{}, {}]);
    const g3 = records([{}, {}], 'G3', 4);
    g3[1].XWZSBH = g2[1].XWZSBH;
    const issues = run([{ records: g2 }, { generation: 'G3', records: g3, options: titled }]);
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'unique.certificate', value: g2[1].XWZSBH, ...at(0, 1, 'XWZSBH') }),
      expect.objectContaining({ rule: 'unique.certificate', value: g2[1].XWZSBH, ...at(1, 1, 'XWZSBH', 'G3', titled) }),
    ]);
    expect(issues[1]).toMatchObject({ row: 5 });
  });

  it('are the same through validateTemplateSheets', () => {
    const first = records([{}]);
    const other = records([{ XH: first[0].XH }], 'G2', 2);
    const templates = findTemplateSheets([
      gridFromRecords('G2', first, { name: '学院1' }),
      gridFromRecords('G2', other, { name: '学院2' }),
    ]);
    const report = validateTemplateSheets(templates, { today: TODAY });
    expect(report.issues.filter((issue) => issue.rule === 'unique.studentNumber')).toEqual([
      expect.objectContaining(at(0, 0, 'XH')),
      expect.objectContaining(at(1, 0, 'XH')),
    ]);
  });
});

describe('rule texts', () => {
  it.each(Object.entries(uniqueRules))('%s has Chinese and English texts', (_id, definition) => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const text = definition.text[locale];
      expect(text.title && text.why && text.fix).toBeTruthy();
      expect(text.message({ label: 'L', value: 'V', others: '第 2 行', othersEn: 'row 2' }).length).toBeGreaterThan(5);
    }
  });
});

describe('scale', () => {
  it('stays linear for a large workbook with one huge duplicate group', () => {
    const context = { sheet: '大表', codes: codesFor(DEFAULT_PROFILE).codes } as unknown as SheetContext;
    const rows: CheckedRow[] = [];
    for (let i = 0; i < 100_000; i++) {
      rows.push({ excelRow: i + 2, values: { XWZSBH: i % 2 === 0 ? '1260842023000001' : `12608420239${String(i).padStart(5, '0')}`, XH: `x${i}`, KSH: '', ZJHM: '' } });
    }
    const sheets: SheetRows[] = [{ context, rows }];
    let reports = 0;
    let longest = 0;
    const rules = new Set<string>();
    const started = Date.now();
    checkUniqueness(sheets, (_sheet, _row, rule, _field, params) => {
      rules.add(rule);
      reports++;
      longest = Math.max(longest, String(params?.others).length);
    });
    // About 0.2 s on a laptop; the bound only catches a quadratic regression (50 000² comparisons).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([...rules]).toEqual(['unique.certificate']);
    expect(reports).toBe(50_000);
    expect(longest).toBeLessThan(120);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('properties', () => {
  const layout = fc
    .record({ size: fc.integer({ min: 2, max: 10 }), split: fc.nat(), a: fc.nat(), b: fc.nat() })
    .map(({ size, split, a, b }) => {
      const first = split % (size + 1); // records 0 … first-1 on sheet 1, the rest on sheet 2 (either may be empty)
      const from = a % size;
      let to = b % size;
      if (to === from) to = (to + 1) % size;
      return { size, first, from, to };
    });

  const locate = (index: number, first: number) => (index < first ? { sheet: 0, record: index } : { sheet: 1, record: index - first });

  function sheetsOf(all: RecordValues[], first: number): Sheet[] {
    const sheets: Sheet[] = [];
    if (first > 0) sheets.push({ records: all.slice(0, first) });
    if (first < all.length) sheets.push({ records: all.slice(first) });
    return sheets;
  }

  it('distinct generated rows raise nothing', () => {
    fc.assert(
      fc.property(layout, fc.nat({ max: 60 }), ({ size, first }, offset) => {
        const all = Array.from({ length: size }, (_, i) => validRecord(offset + i));
        expect(run(sheetsOf(all, first))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a single injected duplicate is reported at both rows, each naming the other', () => {
    fc.assert(
      fc.property(layout, fc.constantFrom(...Object.entries(FIELDS_OF_RULE)), ({ size, first, from, to }, [rule, field]) => {
        const all = Array.from({ length: size }, (_, i) => validRecord(i));
        all[to] = { ...all[to], [field]: all[from][field] };
        const sheets = sheetsOf(all, first);
        // Sheet names follow the sheets that exist: with an empty first part the only sheet is 学院1.
        const sheetOf = (index: number) => (first === 0 ? 0 : locate(index, first).sheet);
        const recordOf = (index: number) => (first === 0 ? index : locate(index, first).record);
        const issues = run(sheets);
        const expected = [from, to]
          .map((index) => ({ rule, ...at(sheetOf(index), recordOf(index), field) }))
          .sort((x, y) => x.sheet.localeCompare(y.sheet) || x.row - y.row);
        expect(issues).toEqual(expected.map((e) => expect.objectContaining(e)));
        for (const [self, other] of [
          [from, to],
          [to, from],
        ]) {
          const issue = issues.find((i) => i.sheet === `学院${sheetOf(self) + 1}` && i.row === excelRowOf(recordOf(self)))!;
          const sameSheet = sheetOf(self) === sheetOf(other);
          expect(issue.message).toContain(`${sameSheet ? '与' : `工作表“学院${sheetOf(other) + 1}”`}第 ${excelRowOf(recordOf(other))} 行`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
