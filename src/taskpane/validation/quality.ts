import type { CellValue, Issue, Severity, SheetGrid } from '../../core/model/types';
import { findTemplateSheets } from '../../core/validate';

/** How one field's cells fare across the validated sheets: the quality strip draws these shares. */
export interface FieldQuality {
  field: string;
  /** Data cells of the field (non-blank rows of every sheet that has the column). */
  cells: number;
  /** Filled cells without an error or warning. */
  valid: number;
  /** Cells whose worst issue is a warning. */
  warning: number;
  /** Cells with at least one error (an empty required cell counts here, not as empty). */
  error: number;
  /** Empty cells without an issue. */
  empty: number;
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlank);
}

/** Key of a cell in the issue index. */
const cellKey = (sheet: string, row: number, field: string) => `${sheet}\u0000${row}\u0000${field}`;

/**
 * Per-field shares of valid, warned, erroneous and empty cells, in the column order of the first sheet.
 * `sheets` restricts the count to the sheets the report validated (all template sheets when omitted).
 */
export function measureQuality(grids: readonly SheetGrid[], issues: readonly Issue[], sheets?: readonly string[]): FieldQuality[] {
  const worst = new Map<string, number>();
  for (const issue of issues) {
    if (issue.row === null || issue.field === null) continue;
    const key = cellKey(issue.sheet, issue.row, issue.field);
    const rank = RANK[issue.severity];
    if ((worst.get(key) ?? 0) < rank) worst.set(key, rank);
  }
  const wanted = sheets ? new Set(sheets) : undefined;
  const byField = new Map<string, FieldQuality>();
  for (const { grid, header } of findTemplateSheets(grids)) {
    if (wanted && !wanted.has(grid.name)) continue;
    let end = grid.values.length;
    while (end > header.rowIndex + 1 && isBlankRow(grid.values[end - 1])) end--;
    const columns = [...header.columns].sort((a, b) => a[1] - b[1]);
    for (const [field] of columns) {
      if (!byField.has(field)) byField.set(field, { field, cells: 0, valid: 0, warning: 0, error: 0, empty: 0 });
    }
    for (let r = header.rowIndex + 1; r < end; r++) {
      const row = grid.values[r];
      if (isBlankRow(row)) continue;
      const excelRow = grid.startRow + r;
      for (const [field, index] of columns) {
        const quality = byField.get(field)!;
        quality.cells++;
        const rank = worst.get(cellKey(grid.name, excelRow, field)) ?? 0;
        if (rank === RANK.error) quality.error++;
        else if (rank === RANK.warning) quality.warning++;
        else if (isBlank(row[index])) quality.empty++;
        else quality.valid++;
      }
    }
  }
  return [...byField.values()];
}
