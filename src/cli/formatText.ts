/**
 * The human-readable report: one header line, the issues grouped by rule (errors first, then the most frequent),
 * each group with its title, count, how to fix it and its first examples, and a one-line verdict.
 * Pure: the caller decides about colour and where the text goes.
 */
import type { Issue, Locale, Severity, ValidationReport } from '../core/model/types';
import { ruleText } from '../core/rules/catalogue';
import { FIELDS } from '../core/template/fields';

export interface TextFormatOptions {
  locale: Locale;
  /** ANSI colours (a terminal without NO_COLOR). */
  color: boolean;
  /** The workbook as the user named it. */
  file?: string;
  /** Examples shown per rule. */
  examples?: number;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
} as const;

type Style = keyof typeof ANSI;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_COLOR: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

interface Words {
  file: string;
  sheet: string;
  template: string;
  category: string;
  rows: (n: number) => string;
  counts: (error: number, warning: number, info: number) => string;
  severity: Record<Severity, string>;
  times: (n: number) => string;
  fix: string;
  row: (n: number) => string;
  column: (letter: string) => string;
  empty: string;
  suggestion: string;
  more: (shown: number, total: number) => string;
  headerRow: (n: number) => string;
  categoryName: (category: string) => string;
  pass: string;
  passWithWarnings: (warnings: number) => string;
  fail: (errors: number, warnings: number) => string;
  noIssues: string;
  paren: (text: string) => string;
  list: string;
}

const WORDS: Record<Locale, Words> = {
  'zh-CN': {
    file: '文件',
    sheet: '工作表',
    template: '模板',
    category: '类别',
    rows: (n) => `${n} 行数据`,
    counts: (e, w, i) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
    severity: { error: '错误', warning: '警告', info: '提示' },
    times: (n) => `${n} 处`,
    fix: '改法',
    row: (n) => `第${n}行`,
    column: (letter) => `${letter}列`,
    empty: '（空）',
    suggestion: '建议',
    more: (shown, total) => `……另有 ${total - shown} 处未列出（共 ${total} 处）`,
    headerRow: (n) => `表头第${n}行`,
    categoryName: (category) => category,
    pass: '✔ 通过：未发现错误或警告，可以上报。',
    passWithWarnings: (w) => `✔ 通过：没有错误；有 ${w} 个警告，请逐条核对后再上报。`,
    fail: (e, w) => `✖ 不通过：有 ${e} 个错误${w ? `、${w} 个警告` : ''}，改正错误后请重新校验。`,
    noIssues: '未发现问题。',
    paren: (text) => `（${text}）`,
    list: '、',
  },
  'en-US': {
    file: 'File',
    sheet: 'Sheet',
    template: 'Template',
    category: 'Category',
    rows: (n) => `${n} data row${n === 1 ? '' : 's'}`,
    counts: (e, w, i) => `errors ${e} · warnings ${w} · info ${i}`,
    severity: { error: 'error', warning: 'warning', info: 'info' },
    times: (n) => `${n}×`,
    fix: 'Fix',
    row: (n) => `Row ${n}`,
    column: (letter) => `col ${letter}`,
    empty: '(empty)',
    suggestion: 'suggestion',
    more: (shown, total) => `… ${total - shown} more not shown (${total} in all)`,
    headerRow: (n) => `header row ${n}`,
    categoryName: (category) => ({ 普通: 'regular', 成人: 'adult', 来华留学: 'international' })[category] ?? category,
    pass: '✔ Passed: no errors or warnings; ready to report.',
    passWithWarnings: (w) => `✔ Passed: no errors; check the ${w} warning${w === 1 ? '' : 's'} before reporting.`,
    fail: (e, w) =>
      `✖ Failed: ${e} error${e === 1 ? '' : 's'}${w ? ` and ${w} warning${w === 1 ? '' : 's'}` : ''}; fix the errors and validate again.`,
    noIssues: 'No issues found.',
    paren: (text) => ` (${text})`,
    list: ', ',
  },
};

const MAX_VALUE_LENGTH = 80;

function quote(value: string): string {
  const chars = [...value];
  const shown = chars.length > MAX_VALUE_LENGTH ? `${chars.slice(0, MAX_VALUE_LENGTH - 1).join('')}…` : value;
  return `"${shown}"`;
}

function fieldLabel(field: string | null, locale: Locale): string | undefined {
  if (!field) return undefined;
  const definition = FIELDS[field];
  if (!definition) return field;
  return locale === 'zh-CN' ? definition.label : definition.en;
}

interface RuleGroup {
  rule: string;
  severity: Severity;
  issues: Issue[];
  first: number;
}

/** Groups issues by rule: errors before warnings before info, then the most frequent first. */
export function groupByRule(issues: readonly Issue[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  issues.forEach((issue, index) => {
    // A rule whose severity a check lowered (unconfirmed tables) forms its own group.
    const key = `${issue.rule}\u0000${issue.severity}`;
    let group = groups.get(key);
    if (!group) {
      group = { rule: issue.rule, severity: issue.severity, issues: [], first: index };
      groups.set(key, group);
    }
    group.issues.push(issue);
  });
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.issues.length - a.issues.length || a.first - b.first,
  );
}

/** Renders the report as text, ending with a newline. */
export function formatText(report: ValidationReport, options: TextFormatOptions): string {
  const { locale } = options;
  const w = WORDS[locale];
  const limit = options.examples ?? 20;
  const paint = (style: Style | Style[], text: string) => {
    if (!options.color) return text;
    const styles = Array.isArray(style) ? style : [style];
    return `${styles.map((s) => ANSI[s]).join('')}${text}${ANSI.reset}`;
  };
  const lines: string[] = [];

  const unique = <T>(items: T[]) => [...new Set(items)];
  const sheets = report.sheets.length > 0 ? report.sheets : [];
  const sheetPart =
    sheets.length <= 1
      ? `${w.sheet} ${report.sheet}${w.paren(w.headerRow(report.headerRow))}`
      : `${w.sheet} ${sheets.map((s) => `${s.sheet}${w.paren(`${w.headerRow(s.headerRow)}${w.list}${w.rows(s.rows)}`)}`).join(w.list)}`;
  const templates = unique(sheets.length ? sheets.map((s) => s.template) : [report.template]).join('/');
  const categories = unique(sheets.length ? sheets.map((s) => s.category) : [report.category])
    .map(w.categoryName)
    .join('/');
  const header = [
    ...(options.file ? [`${w.file} ${options.file}`] : []),
    sheetPart,
    `${w.template} ${templates}`,
    `${w.category} ${categories}`,
    w.rows(report.rows),
    w.counts(report.counts.error, report.counts.warning, report.counts.info),
  ].join(' | ');
  lines.push(paint('bold', header));
  const reconciled = report.reconciliation;
  if (reconciled) {
    lines.push(
      locale === 'zh-CN'
        ? `学籍比对（${reconciled.xuejiSheets.join('、')}，${reconciled.xuejiRecords} 条学籍）：匹配 ${reconciled.matched} | 未找到 ${reconciled.notFound} | 对应多条 ${reconciled.ambiguous} | 疑似漏报 ${reconciled.missingDegree}`
        : `Student status (${reconciled.xuejiSheets.join(', ')}, ${reconciled.xuejiRecords} records): matched ${reconciled.matched} | not found ${reconciled.notFound} | ambiguous ${reconciled.ambiguous} | possibly missing ${reconciled.missingDegree}`,
    );
  }

  const multiSheet = sheets.length > 1;
  const groups = groupByRule(report.issues);
  if (groups.length === 0) lines.push('', w.noIssues);
  for (const group of groups) {
    const text = ruleText(group.rule, locale);
    const color = SEVERITY_COLOR[group.severity];
    const title = text?.title ?? group.rule;
    lines.push('');
    lines.push(
      `${paint([color, 'bold'], `${SEVERITY_MARK[group.severity]} ${w.severity[group.severity]}`)} ${paint('bold', title)} ${paint('dim', `(${group.rule})`)} · ${w.times(group.issues.length)}`,
    );
    if (text?.fix) lines.push(`  ${paint('dim', `${w.fix}: ${text.fix}`)}`);
    for (const issue of group.issues.slice(0, limit)) {
      const where = [
        multiSheet ? `[${issue.sheet}]` : undefined,
        issue.row !== null ? w.row(issue.row) : undefined,
        issue.column !== null ? w.column(issue.column) : undefined,
        fieldLabel(issue.field, locale),
        issue.value !== null ? (issue.value === '' ? w.empty : quote(issue.value)) : undefined,
      ].filter((part): part is string => part !== undefined);
      let line = `  ${where.join(' ')}${where.length ? ' — ' : ''}${issue.message}`;
      if (issue.suggestion !== undefined) line += ` → ${paint('green', `${w.suggestion}: ${issue.suggestion}`)}`;
      lines.push(line);
    }
    if (group.issues.length > limit) lines.push(`  ${paint('dim', w.more(limit, group.issues.length))}`);
  }

  lines.push('');
  const { error, warning } = report.counts;
  if (error > 0) lines.push(paint(['red', 'bold'], w.fail(error, warning)));
  else if (warning > 0) lines.push(paint(['yellow', 'bold'], w.passWithWarnings(warning)));
  else lines.push(paint(['green', 'bold'], w.pass));
  return `${lines.join('\n')}\n`;
}
