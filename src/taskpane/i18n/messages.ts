import type { Locale } from '../../core/model/types';

/**
 * The pane's own texts (rule titles, explanations and issue messages come from the rule catalogue).
 * zh-CN is the reference: its keys type the catalogue, so an English text cannot be missing at compile time,
 * and messages.test.ts checks the same at run time along with the {placeholders}.
 */
const zhCN = {
  'app.title': '学位授予信息助手',
  'app.language': '界面语言',
  'app.language.switch': 'English',
  'app.language.switchLabel': '切换为英文界面',

  'steps.label': '工作步骤',
  'steps.validate': '校验',
  'steps.reconcile': '学籍比对',
  'steps.signoff': '签核',
  'steps.export': '导出',
  'steps.records': '记录',
  'steps.other': '其他步骤',
  'steps.other.note': '以下步骤在本版本中不可用，标签保持禁用。可先按说明准备材料。',
  'steps.reconcile.purpose': '把学位数据与学信网学籍数据逐人比对：姓名、证件号码、专业、入学与毕业年月，找出漏报和不一致。',
  'steps.reconcile.prepare': '需要学信网导出的学籍数据（本批毕业生，.xlsx 或 .csv）。',
  'steps.signoff.purpose': '二级学院经办人与学位办审核人分别确认数据，记录确认人、时间和当时的校验结果。',
  'steps.signoff.prepare': '需要一份校验无错误的工作簿，以及经办人和审核人的姓名。',
  'steps.export.purpose': '生成报送学位授予信息系统所需的文件。',
  'steps.export.prepare': '需要已签核的数据和本次报送的批次信息。',
  'steps.records.purpose': '查看本工作簿的校验、修改和签核记录，记录保存在工作簿内。',
  'steps.records.prepare': '无需准备：签核时自动记录。',

  'workbook.heading': '工作簿',
  'workbook.notRead': '尚未读取。点击「开始校验」读取工作簿中的学位授予信息表。',
  'workbook.sheets': '识别到的信息表',
  'workbook.sheetRow': '{sheet}：{rows} 行数据，表头在第 {headerRow} 行',
  'workbook.generation': '模板版本',
  'workbook.category': '学位类别',
  'workbook.auto': '自动识别（{value}）',
  'workbook.autoPending': '自动识别',
  'workbook.overrideHint': '修改后将重新校验。',
  'generation.G1': 'G1（2012–2018 版，34 列）',
  'generation.G2': 'G2（2024 年前，40/41 列）',
  'generation.G3': 'G3（含论文信息，28 列）',
  'category.普通': '普通本科',
  'category.成人': '成人本科（含自考、网络）',
  'category.来华留学': '来华留学',

  'profile.heading': '学位授予单位',
  'profile.summary': '{unitCode} {unitName}',
  'profile.majors': '自设专业 {count} 个',
  'profile.change': '更改',
  'profile.dialogTitle': '学校配置',
  'profile.dialogHint': '粘贴学校配置（JSON，与命令行 --profile 的文件相同），或选择一个 .json 文件。',
  'profile.file': '选择配置文件',
  'profile.text': '学校配置 JSON',
  'profile.apply': '应用并重新校验',
  'profile.reset': '恢复默认（12608 重庆外语外事学院）',
  'profile.cancel': '取消',
  'profile.invalid': '配置有误，未应用：',
  'profile.notJson': '不是有效的 JSON：{message}',

  'run.start': '开始校验',
  'run.again': '重新校验',
  'run.cancel': '取消',
  'run.progress': '校验进度',
  'run.phase.reading': '正在读取工作表… {done}/{total} 行',
  'run.phase.sending': '正在准备数据…',
  'run.phase.preparing': '正在加载拼音字典…',
  'run.phase.validating': '正在校验 {rows} 行…',
  'run.phase.receiving': '正在整理结果…',
  'run.cancelled': '已取消校验，工作簿没有任何改动。',
  'run.failed': '校验没有完成：{message}',
  'run.done': '已校验 {rows} 行（{sheets} 个工作表）。',

  'summary.label': '问题统计',
  'severity.error': '错误',
  'severity.warning': '警告',
  'severity.info': '提示',
  'badge.error': '错误',
  'badge.warning': '警告',
  'badge.info': '提示',
  'summary.ok': '没有发现错误。',
  'summary.count': '{label} {count}',

  'marks.heading': '在工作簿中',
  'marks.apply': '标记问题单元格',
  'marks.clear': '清除标记',
  'marks.write': '写入问题清单',
  'marks.applied': '已标记 {count} 个单元格。点击「清除标记」可恢复原来的格式。',
  'marks.notes': '已为问题单元格添加批注。',
  'marks.skipped': '工作表「{sheet}」受保护，未做标记。',
  'marks.cleared': '已清除标记，恢复了 {count} 个单元格的原格式。',
  'marks.written': '已把 {count} 条问题写入工作表「{sheet}」。',
  'marks.failed': '操作没有完成：{message}',
  'marks.stale': '问题列表来自上一次校验；如已修改数据，请先重新校验。',

  'quality.heading': '各列数据质量',
  'quality.legend.valid': '有效',
  'quality.legend.warning': '警告',
  'quality.legend.error': '错误',
  'quality.legend.empty': '空',
  'quality.row': '{field}：有效 {valid}，警告 {warning}，错误 {error}，空 {empty}（共 {cells} 格）',
  'quality.filter': '只看「{field}」的问题',

  'filters.heading': '筛选',
  'filters.severity': '严重程度',
  'filters.rule': '规则',
  'filters.field': '字段',
  'filters.allRules': '全部规则',
  'filters.allFields': '全部字段',
  'filters.option': '{label}（{count}）',
  'filters.reset': '清除筛选',
  'filters.showing': '显示 {shown} / {total} 条问题',
  'filters.none': '没有符合筛选条件的问题。',

  'groups.label': '按规则分组的问题',
  'group.count': '{count} 处',
  'group.why': '原因',
  'group.fix': '修改方法',
  'group.examples': '前 {count} 例',
  'group.showAll': '显示全部 {count} 条',
  'group.showFewer': '只显示前 {count} 例',
  'group.expand': '展开「{title}」',
  'group.allLabel': '「{title}」的全部 {count} 条问题',
  'group.examplesLabel': '「{title}」的示例',

  'issue.where': '{sheet}!{cell}',
  'issue.row': '第 {row} 行',
  'issue.sheet': '工作表',
  'issue.suggestion': '建议：{value}',
  'issue.value': '原值：{value}',
  'issue.select': '选中单元格 {where}',
  'issue.listHint': '用上下方向键移动，回车选中单元格。',

  'finding.noTemplate': '没有找到学位授予信息表：工作簿中没有哪一页在前 10 行内有模板表头（如「姓名」「身份证件号码」「学位类别码」）。请打开报送模板再校验。',
  'finding.noTemplate.sheets': '已查看的工作表：{sheets}',
  'finding.protected': '工作表「{sheet}」受保护：可以校验，但不能标记单元格或写入。需要标记时请先在「审阅 › 撤销工作表保护」中取消保护。',
  'finding.huge': '工作表「{sheet}」有 {rows} 行，数据量很大：读取和校验会比较慢，请耐心等待；也可以按二级学院拆分成多个工作表。',
  'finding.mergedHeader': '工作表「{sheet}」的表头有合并单元格（{address}）：合并会让列对不上字段，请取消合并后每列一个表头。',
  'finding.formulas': '工作表「{sheet}」有 {count} 个数据单元格是公式（例如 {address}）：校验的是公式的计算结果；报送前请把公式粘贴为数值。',
  'finding.hiddenRows': '工作表「{sheet}」有 {count} 行被隐藏：这些行同样会被校验和报送，请取消隐藏后检查。',
  'finding.hiddenColumns': '工作表「{sheet}」有 {count} 列被隐藏：这些列同样会被校验，请取消隐藏后检查。',
  'finding.filtered': '工作表「{sheet}」正在筛选：被筛掉的行也会被校验，问题可能落在看不到的行上。选中这类问题前请先清除筛选。',
  'finding.hiddenSheet': '隐藏的工作表「{sheet}」看起来也是学位授予信息表，但没有参与校验。如需校验，请先取消隐藏。',
  'finding.wide': '工作表「{sheet}」的已用区域有 {columns} 列，只读取到表头的最后一列。',
  'finding.other': '{message}',
  'finding.label': '工作簿提示',

  'host.outside': '这是 Excel 加载项的任务窗格，需要在 Excel 中打开（见 README「在 Excel 中使用」）。不用 Excel 试用：运行 npm run demo。',
  'select.failed': '无法选中该单元格：{message}',
  'busy': '正在处理…',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Readonly<Record<MessageKey, string>>;

const enUS: Messages = {
  'app.title': 'Degree data assistant',
  'app.language': 'Language',
  'app.language.switch': '中文',
  'app.language.switchLabel': 'Switch the pane to Chinese',

  'steps.label': 'Steps',
  'steps.validate': 'Validate',
  'steps.reconcile': 'Reconcile',
  'steps.signoff': 'Sign off',
  'steps.export': 'Export',
  'steps.records': 'Records',
  'steps.other': 'Other steps',
  'steps.other.note': 'These steps are not available in this version and their tabs stay disabled. You can prepare what they need.',
  'steps.reconcile.purpose':
    'Compares the degree data person by person with the 学信网 enrolment records: name, ID number, major, months of enrolment and graduation — finding missing and inconsistent rows.',
  'steps.reconcile.prepare': 'Needs the enrolment (学籍) data exported from 学信网 for this batch of graduates (.xlsx or .csv).',
  'steps.signoff.purpose':
    "The college's clerk and the degree office's reviewer each confirm the data; who, when and the validation result are recorded.",
  'steps.signoff.prepare': 'Needs a workbook that validates without errors and the names of the clerk and the reviewer.',
  'steps.export.purpose': 'Produces the files the national degree information system accepts.',
  'steps.export.prepare': 'Needs signed-off data and the details of this reporting batch.',
  'steps.records.purpose': "Shows the workbook's validation, change and sign-off records, kept inside the workbook.",
  'steps.records.prepare': 'Nothing to prepare: sign-off records them automatically.',

  'workbook.heading': 'Workbook',
  'workbook.notRead': 'Not read yet. Select “Validate” to read the degree sheets of this workbook.',
  'workbook.sheets': 'Template sheets found',
  'workbook.sheetRow': '{sheet}: {rows} data rows, header in row {headerRow}',
  'workbook.generation': 'Template generation',
  'workbook.category': 'Degree category',
  'workbook.auto': 'Detect ({value})',
  'workbook.autoPending': 'Detect',
  'workbook.overrideHint': 'Changing this validates again.',
  'generation.G1': 'G1 (2012–2018, 34 columns)',
  'generation.G2': 'G2 (until 2024, 40/41 columns)',
  'generation.G3': 'G3 (with thesis fields, 28 columns)',
  'category.普通': 'Regular bachelor',
  'category.成人': 'Adult bachelor (incl. self-study, online)',
  'category.来华留学': 'International students',

  'profile.heading': 'Awarding institution',
  'profile.summary': '{unitCode} {unitName}',
  'profile.majors': '{count} own majors',
  'profile.change': 'Change',
  'profile.dialogTitle': 'School profile',
  'profile.dialogHint': 'Paste the school profile (JSON, the same file as the command line’s --profile) or choose a .json file.',
  'profile.file': 'Choose a profile file',
  'profile.text': 'School profile JSON',
  'profile.apply': 'Apply and validate again',
  'profile.reset': 'Restore the default (12608 重庆外语外事学院)',
  'profile.cancel': 'Cancel',
  'profile.invalid': 'The profile has problems and was not applied:',
  'profile.notJson': 'Not valid JSON: {message}',

  'run.start': 'Validate',
  'run.again': 'Validate again',
  'run.cancel': 'Cancel',
  'run.progress': 'Validation progress',
  'run.phase.reading': 'Reading the sheets… {done}/{total} rows',
  'run.phase.sending': 'Preparing the data…',
  'run.phase.preparing': 'Loading the pinyin dictionary…',
  'run.phase.validating': 'Validating {rows} rows…',
  'run.phase.receiving': 'Collecting the results…',
  'run.cancelled': 'Validation cancelled. Nothing in the workbook changed.',
  'run.failed': 'Validation did not finish: {message}',
  'run.done': 'Validated {rows} rows (sheets: {sheets}).',

  'summary.label': 'Issue counts',
  'severity.error': 'Errors',
  'severity.warning': 'Warnings',
  'severity.info': 'Notes',
  'badge.error': 'Error',
  'badge.warning': 'Warning',
  'badge.info': 'Note',
  'summary.ok': 'No errors found.',
  'summary.count': '{label} {count}',

  'marks.heading': 'In the workbook',
  'marks.apply': 'Mark issue cells',
  'marks.clear': 'Clear marks',
  'marks.write': 'Write issues sheet',
  'marks.applied': 'Marked {count} cells. “Clear marks” restores their original formats.',
  'marks.notes': 'Notes with the message were added to the cells.',
  'marks.skipped': 'Sheet “{sheet}” is protected and was not marked.',
  'marks.cleared': 'Marks cleared; the original formats of {count} cells were restored.',
  'marks.written': 'Wrote {count} issues to the sheet “{sheet}”.',
  'marks.failed': 'That did not finish: {message}',
  'marks.stale': 'The issues come from the last validation; validate again if you changed the data.',

  'quality.heading': 'Data quality per column',
  'quality.legend.valid': 'Valid',
  'quality.legend.warning': 'Warning',
  'quality.legend.error': 'Error',
  'quality.legend.empty': 'Empty',
  'quality.row': '{field}: {valid} valid, {warning} warnings, {error} errors, {empty} empty (of {cells} cells)',
  'quality.filter': 'Show only the issues of “{field}”',

  'filters.heading': 'Filter',
  'filters.severity': 'Severity',
  'filters.rule': 'Rule',
  'filters.field': 'Field',
  'filters.allRules': 'All rules',
  'filters.allFields': 'All fields',
  'filters.option': '{label} ({count})',
  'filters.reset': 'Clear filters',
  'filters.showing': 'Showing {shown} of {total} issues',
  'filters.none': 'No issue matches the filters.',

  'groups.label': 'Issues grouped by rule',
  'group.count': '{count}',
  'group.why': 'Why',
  'group.fix': 'How to fix',
  'group.examples': 'First {count} examples',
  'group.showAll': 'Show all {count}',
  'group.showFewer': 'Show the first {count} only',
  'group.expand': 'Expand “{title}”',
  'group.allLabel': 'All {count} issues of “{title}”',
  'group.examplesLabel': 'Examples of “{title}”',

  'issue.where': '{sheet}!{cell}',
  'issue.row': 'Row {row}',
  'issue.sheet': 'Sheet',
  'issue.suggestion': 'Suggestion: {value}',
  'issue.value': 'Value: {value}',
  'issue.select': 'Select cell {where}',
  'issue.listHint': 'Arrow keys move, Enter selects the cell.',

  'finding.noTemplate':
    'No degree sheet found: no sheet has the template’s header (such as 姓名, 身份证件号码, 学位类别码) in its first 10 rows. Open the reporting template and validate again.',
  'finding.noTemplate.sheets': 'Sheets looked at: {sheets}',
  'finding.protected':
    'Sheet “{sheet}” is protected: it can be validated, but cells cannot be marked or written. Unprotect it (Review › Unprotect Sheet) before marking.',
  'finding.huge':
    'Sheet “{sheet}” has {rows} rows: reading and validating take a while. You may also split it into one sheet per college.',
  'finding.mergedHeader':
    'Sheet “{sheet}” has merged header cells ({address}): merging shifts columns away from their fields. Unmerge them so every column has its own header.',
  'finding.formulas':
    'Sheet “{sheet}” has {count} data cells with formulas (e.g. {address}): their results are validated; paste them as values before reporting.',
  'finding.hiddenRows': 'Sheet “{sheet}” has {count} hidden rows: they are validated and reported too. Unhide them to check.',
  'finding.hiddenColumns': 'Sheet “{sheet}” has {count} hidden columns: they are validated too. Unhide them to check.',
  'finding.filtered':
    'Sheet “{sheet}” is filtered: rows filtered out are validated too, so issues may sit in rows you cannot see. Clear the filter before jumping to them.',
  'finding.hiddenSheet': 'The hidden sheet “{sheet}” also looks like the degree template but was not validated. Unhide it to include it.',
  'finding.wide': 'The used range of sheet “{sheet}” is {columns} columns wide; only the columns up to the header’s last one were read.',
  'finding.other': '{message}',
  'finding.label': 'About this workbook',

  'host.outside':
    'This is the task pane of an Excel add-in and needs Excel (see “Using the add-in” in the README). To try it without Excel, run npm run demo.',
  'select.failed': 'Could not select that cell: {message}',
  busy: 'Working…',
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type MessageParams = Record<string, string | number | undefined>;

/** Fills {name} placeholders; numbers get the locale's digit grouping. */
export function format(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES['zh-CN'][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** The {placeholders} a text uses, for the catalogue test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}
