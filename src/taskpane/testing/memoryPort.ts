import type { Issue, SheetGrid } from '../../core/model/types';
import { findTemplateSheets } from '../../core/validate';
import type { ReadOptions, ReadOutcome, WorkbookFinding, WorkbookPort } from '../workbookPort';
import { CancelledError } from '../workbookPort';

/** A WorkbookPort over in-memory grids for the pane's tests: it records what the pane asked for. */
export class MemoryPort implements WorkbookPort {
  readonly calls: { method: string; args: unknown[] }[] = [];
  marked = new Set<string>();
  selection: { sheet: string; row: number | null; column: string | null } | undefined;
  /** Resolves reads only when released (to test progress and cancel). */
  private gate: Promise<void> | undefined;
  private release: (() => void) | undefined;

  constructor(
    public grids: SheetGrid[],
    public findings: WorkbookFinding[] = [],
  ) {}

  hold(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release?.();
    this.gate = undefined;
  }

  async readTemplateSheets(options: ReadOptions): Promise<ReadOutcome> {
    this.calls.push({ method: 'readTemplateSheets', args: [] });
    const templates = findTemplateSheets(this.grids).map((t) => t.grid);
    const total = templates.reduce((sum, grid) => sum + grid.values.length, 0);
    options.onProgress?.({ rowsRead: 0, rowsTotal: total });
    if (this.gate) await this.gate;
    if (options.signal?.aborted) throw new CancelledError();
    options.onProgress?.({ rowsRead: total, rowsTotal: total });
    const findings = templates.length === 0 ? [{ kind: 'noTemplate' as const, sheets: this.grids.map((g) => g.name) }] : [];
    return { grids: templates, findings: [...findings, ...this.findings] };
  }

  async applyMarks(issues: readonly Issue[]) {
    this.calls.push({ method: 'applyMarks', args: [issues.length] });
    for (const issue of issues) if (issue.row !== null && issue.column) this.marked.add(`${issue.sheet}!${issue.column}${issue.row}`);
    return { marked: this.marked.size, skipped: [] };
  }

  async clearMarks() {
    this.calls.push({ method: 'clearMarks', args: [] });
    const restored = this.marked.size;
    this.marked.clear();
    return { restored };
  }

  async writeIssuesSheet(issues: readonly Issue[]) {
    this.calls.push({ method: 'writeIssuesSheet', args: [issues.length] });
    return { sheet: '问题清单', rows: issues.length };
  }

  async selectCell(sheet: string, row: number | null, column: string | null) {
    this.calls.push({ method: 'selectCell', args: [sheet, row, column] });
    this.selection = { sheet, row, column };
  }
}
