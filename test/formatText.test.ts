import type { Issue, ValidationReport } from '../src/core/model/types';
import { formatText, groupByRule } from '../src/cli/formatText';

function issue(rule: string, severity: Issue['severity'], row: number, extra: Partial<Issue> = {}): Issue {
  return { rule, severity, sheet: '学位授予信息', row, column: 'M', field: 'ZJHM', value: `v${row}`, message: `m${row}`, ...extra };
}

function report(issues: Issue[], extra: Partial<ValidationReport> = {}): ValidationReport {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return {
    ok: counts.error === 0,
    template: 'G2',
    category: '普通',
    sheet: '学位授予信息',
    headerRow: 2,
    rows: 100,
    counts,
    issues,
    sheets: [{ sheet: '学位授予信息', template: 'G2', category: '普通', headerRow: 2, rows: 100, counts }],
    ...extra,
  };
}

describe('formatText', () => {
  const issues = [
    issue('code.alias', 'warning', 3, { field: 'ZZMM', column: 'I' }),
    issue('id.checksum', 'error', 4),
    ...Array.from({ length: 25 }, (_, i) => issue('field.required', 'error', 10 + i, { field: 'KSH', column: 'Y', value: '' })),
    issue('id.checksum', 'error', 40, { suggestion: '50010120000101123X' }),
    issue('row.blank', 'info', 50, { column: null, field: null, value: null }),
  ];

  it('orders groups by severity, then by count', () => {
    expect(groupByRule(issues).map((g) => g.rule)).toEqual(['field.required', 'id.checksum', 'code.alias', 'row.blank']);
  });

  it('renders a header line, grouped examples (at most 20 per rule) and a verdict', () => {
    const text = formatText(report(issues), { locale: 'zh-CN', color: false, file: 'a.xlsx' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('文件 a.xlsx | 工作表 学位授予信息（表头第2行） | 模板 G2 | 类别 普通 | 100 行数据 | 错误 27 · 警告 1 · 提示 1');
    expect(text).toContain('✖ 错误 必填项为空 (field.required) · 25 处');
    expect(text).toContain('  改法: 按学籍或学位授予决议补填该项。');
    expect(text).toContain('  第10行 Y列 考生号 （空） — m10');
    expect(text).toContain('  第29行 Y列 考生号 （空） — m29');
    expect(text).not.toContain('第30行');
    expect(text).toContain('……另有 5 处未列出（共 25 处）');
    expect(text).toContain('  第40行 M列 身份证件号码 "v40" — m40 → 建议: 50010120000101123X');
    expect(text).toContain('  第50行 — m50');
    expect(lines[lines.length - 1]).toBe('✖ 不通过：有 27 个错误、1 个警告，改正错误后请重新校验。');
    expect(text).not.toContain('\u001b[');
  });

  it('colours by severity when asked', () => {
    const text = formatText(report(issues), { locale: 'zh-CN', color: true });
    expect(text).toContain('\u001b[31m\u001b[1m✖ 错误');
    expect(text).toContain('\u001b[33m\u001b[1m⚠ 警告');
  });

  it('renders English, and names the sheet of each example when several sheets were validated', () => {
    const two = report([issue('id.checksum', 'error', 4, { sheet: 'B' })], {
      sheets: [
        { sheet: 'A', template: 'G2', category: '普通', headerRow: 1, rows: 10, counts: { error: 0, warning: 0, info: 0 } },
        { sheet: 'B', template: 'G2', category: '普通', headerRow: 2, rows: 5, counts: { error: 1, warning: 0, info: 0 } },
      ],
    });
    const text = formatText(two, { locale: 'en-US', color: false });
    expect(text.split('\n')[0]).toBe(
      'Sheet A (header row 1, 10 data rows), B (header row 2, 5 data rows) | Template G2 | Category regular | 100 data rows | errors 1 · warnings 0 · info 0',
    );
    expect(text).toContain('  [B] Row 4 col M ID number "v4" — m4');
    expect(text.trimEnd().split('\n').pop()).toBe('✖ Failed: 1 error; fix the errors and validate again.');
  });

  it('says so when there is nothing to report', () => {
    const text = formatText(report([]), { locale: 'zh-CN', color: false });
    expect(text).toContain('未发现问题。');
    expect(text.trimEnd().split('\n').pop()).toBe('✔ 通过：未发现错误或警告，可以上报。');
  });
});
