import type { Issue, Severity } from '../../core/model/types';
import { columnLetter } from '../../core/util/columns';

/** Many synthetic issues of one rule, for windowing tests. */
export function manyIssues(count: number, rule = 'id.checksum', severity: Severity = 'error'): Issue[] {
  return Array.from({ length: count }, (_, i) => ({
    rule,
    severity,
    sheet: '学位授予信息',
    row: i + 2,
    column: columnLetter(i % 40),
    field: 'ZJHM',
    value: String(i),
    message: `第 ${i + 1} 个问题`,
  }));
}
