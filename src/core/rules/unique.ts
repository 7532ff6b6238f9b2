import type { CheckedRow, SheetContext, SheetRows, WorkbookCheck } from './rule';
import { defineRules } from './rule';
import { firstOccurrences } from '../util/firstSeen';

/**
 * Values that identify one degree and must not repeat across all sheets validated together (one per 二级学院).
 * A person may hold one degree of each kind: a 第二学位 or 辅修学位 row is its own record (its own flags) and
 * carries the same 学号 and 考生号 — and a 辅修 degree is noted on the main certificate — so every key is unique
 * within a degree kind.
 */
export const uniqueRules = defineRules({
  'unique.certificate': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学位证书编号重复',
        why: '每本学位证书的编号唯一；编号重复的记录上报时会被拒收，也会导致学位查询信息错乱。',
        fix: '对照学位证书原件逐条核对重复的编号，改正录错的记录；同一人的重复记录只保留一条。',
        message: (p) => `${p.label}“${p.value}”与${p.others}重复`,
      },
      'en-US': {
        title: 'Duplicate certificate number',
        why: 'Every degree certificate has its own number; duplicates are rejected and corrupt the online degree verification.',
        fix: 'Check each duplicate against its certificate and correct the wrong record; keep one record per person and degree.',
        message: (p) => `${p.label} “${p.value}” is also used in ${p.othersEn}`,
      },
    },
  },
  'unique.studentNumber': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学号重复',
        why: '学号在学校内唯一标识一名学生，是与学籍学历信息比对的依据；重复说明录错或同一学生被重复报送。',
        fix: '按学籍档案核对重复的学号；同一学生的重复记录只保留一条。',
        message: (p) => `${p.label}“${p.value}”与${p.others}重复`,
      },
      'en-US': {
        title: 'Duplicate student number',
        why: 'A student number identifies one student and links the record to the student-status data; a duplicate is a typo or a student reported twice.',
        fix: 'Check the duplicates against the student-status record; keep one record per student and degree.',
        message: (p) => `${p.label} “${p.value}” is also used in ${p.othersEn}`,
      },
    },
  },
  'unique.examNumber': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '考生号重复',
        why: '考生号是招生考试时分配给每名考生的唯一编号，也用于论文抽检等比对；重复说明录错或同一学生被重复报送。',
        fix: '按录取名册核对重复的考生号；同一学生的重复记录只保留一条。',
        message: (p) => `${p.label}“${p.value}”与${p.others}重复`,
      },
      'en-US': {
        title: 'Duplicate examinee number',
        why: 'The examinee number is unique to each candidate of the entrance exam and links records in later checks; a duplicate is a typo or a student reported twice.',
        fix: 'Check the duplicates against the admission list; keep one record per student and degree.',
        message: (p) => `${p.label} “${p.value}” is also used in ${p.othersEn}`,
      },
    },
  },
  'unique.person': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '同一人重复报送同类学位',
        why: '一人只能获得一个同类学士学位（第二学位、辅修学位单独成行并标注“是”）；同一证件号码出现两次，说明重复报送或证件号码录错。',
        fix: '核对身份证件号码；重复报送的只保留一条；确为第二学位或辅修学位的，在“是否第二学位”“是否辅修学位”中标注“是”。',
        message: (p) => `${p.label} ${p.value} 的${p.kind}记录与${p.others}重复`,
      },
      'en-US': {
        title: 'Same person reported twice for one degree kind',
        why: 'A person holds at most one bachelor degree of each kind (second and minor degrees are separate rows flagged 是); an ID number twice means a duplicate report or a typo.',
        fix: 'Check the ID number; keep one record of a duplicate report; flag a second or minor degree as 是 in its column.',
        message: (p) => `${p.label} ${p.value} has another ${p.kindEn} record in ${p.othersEn}`,
      },
    },
  },
});

/** Other rows listed in a message; the rest are counted. */
const LISTED = 10;

interface Occurrence {
  sheetIndex: number;
  row: CheckedRow;
  /** Degree kind: '' main, D 第二学位, F 辅修学位, DF both. */
  kind: string;
}

const KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  '': { zh: '学士学位', en: 'bachelor degree' },
  D: { zh: '第二学士学位', en: 'second bachelor degree' },
  F: { zh: '辅修学士学位', en: 'minor degree' },
  DF: { zh: '第二学位兼辅修学位', en: 'second and minor degree' },
};

function isYes(context: SheetContext, value: string | undefined): boolean {
  return !!value && context.codes.yesNo.byName(value)?.entry.code === '是';
}

/** '' for a main degree, D 第二学位, F 辅修学位 (DF both): the SFDEXW/SFFXXW flags where the sheet has them. */
function degreeKind(context: SheetContext, row: CheckedRow): string {
  return (isYes(context, row.values.SFDEXW) ? 'D' : '') + (isYes(context, row.values.SFFXXW) ? 'F' : '');
}

/** Lists rows grouped by sheet: 第 5、9 行、工作表“外语学院”第 3 行 / rows 5, 9 and row 3 of sheet “外语学院”. */
function listOthers(others: readonly Occurrence[], total: number, self: number, sheets: readonly SheetRows[]): { zh: string; en: string } {
  const groups: { sheetIndex: number; rows: number[] }[] = [];
  for (const other of others) {
    const last = groups[groups.length - 1];
    if (last && last.sheetIndex === other.sheetIndex) last.rows.push(other.row.excelRow);
    else groups.push({ sheetIndex: other.sheetIndex, rows: [other.row.excelRow] });
  }
  const zh = groups
    .map((g) => `${g.sheetIndex === self ? '' : `工作表“${sheets[g.sheetIndex].context.sheet}”`}第 ${g.rows.join('、')} 行`)
    .join('、');
  const en = groups
    .map((g) => `${g.rows.length > 1 ? 'rows' : 'row'} ${g.rows.join(', ')}${g.sheetIndex === self ? '' : ` of sheet “${sheets[g.sheetIndex].context.sheet}”`}`)
    .join('; ');
  const more = total - others.length;
  return {
    zh: more > 0 ? `${zh}等 ${total} 行` : zh,
    en: more > 0 ? `${en} and ${more} more rows` : en,
  };
}

interface Key {
  rule: string;
  field: string;
  /** The comparable form of a value; '' is skipped. */
  normalise: (value: string) => string;
}

const KEYS: readonly Key[] = [
  { rule: 'unique.certificate', field: 'XWZSBH', normalise: (value) => value.toUpperCase() },
  { rule: 'unique.studentNumber', field: 'XH', normalise: (value) => value },
  { rule: 'unique.examNumber', field: 'KSH', normalise: (value) => value },
  { rule: 'unique.person', field: 'ZJHM', normalise: (value) => value.toUpperCase() },
];

/**
 * Linear in the number of rows: per key, one pass finds each value's first occurrence (firstOccurrences) and only
 * values seen twice get a group. Each issue lists at most LISTED other rows, so a huge duplicate group stays linear.
 */
export const checkUniqueness: WorkbookCheck = (sheets, report) => {
  const all: Occurrence[] = [];
  sheets.forEach(({ context, rows }, sheetIndex) => {
    for (const row of rows) all.push({ sheetIndex, row, kind: degreeKind(context, row) });
  });
  for (const key of KEYS) {
    const texts = all.map(({ row, kind }) => {
      const value = key.normalise(row.values[key.field] ?? '');
      // '\u0000' cannot occur in a cleaned cell, so kinds and values never run into each other.
      return value && kind ? `${kind}\u0000${value}` : value;
    });
    const first = firstOccurrences(texts);
    const groups = new Map<number, Occurrence[]>();
    for (let i = 0; i < all.length; i++) {
      const earlier = first[i];
      if (earlier < 0) continue;
      const group = groups.get(earlier);
      if (group) group.push(all[i]);
      else groups.set(earlier, [all[earlier], all[i]]);
    }
    for (const group of groups.values()) {
      const kind = KINDS[group[0].kind];
      const head = group.slice(0, LISTED + 1);
      for (const occurrence of group) {
        const others = head.filter((o) => o !== occurrence).slice(0, LISTED);
        const { zh, en } = listOthers(others, group.length - 1, occurrence.sheetIndex, sheets);
        report(occurrence.sheetIndex, occurrence.row, key.rule, key.field, {
          others: zh,
          othersEn: en,
          count: group.length,
          kind: kind.zh,
          kindEn: kind.en,
        });
      }
    }
  }
};
