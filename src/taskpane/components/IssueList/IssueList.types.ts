import type * as React from 'react';
import type { Issue } from '../../../core/model/types';
import type { WindowRange } from '../../view/windowing';

export interface IssueListProps {
  issues: readonly Issue[];
  /** Called on click, Enter or Space: the pane selects the issue's cell in the workbook. */
  onSelectIssue: (issue: Issue) => void;
  'aria-label': string;
  /** Rows the viewport shows at most; a shorter list is as tall as its rows. */
  visibleRows?: number;
  /** Fixed row height in pixels — what makes windowing cheap. */
  rowHeight?: number;
  /** Prefix locations with the sheet's name (several template sheets). */
  showSheet?: boolean;
  className?: string;
}

export interface IssueListRow {
  issue: Issue;
  index: number;
  id: string;
  top: number;
  active: boolean;
  location: string;
  field: string;
  details: string;
}

export interface IssueListState {
  rowHeight: number;
  viewportHeight: number;
  range: WindowRange;
  rows: IssueListRow[];
  count: number;
  activeId: string | undefined;
  ariaLabel: string;
  hint: string;
  hintId: string;
  scrollRef: React.RefObject<HTMLDivElement>;
  onScroll: (event: React.UIEvent<HTMLDivElement>) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
  onRowClick: (index: number) => void;
  className?: string;
  classes: IssueListClasses;
}

export interface IssueListClasses {
  root: string;
  spacer: string;
  row: string;
  activeRow: string;
  rowTop: string;
  location: string;
  field: string;
  message: string;
  severity: Record<Issue['severity'], string>;
  hint: string;
}
