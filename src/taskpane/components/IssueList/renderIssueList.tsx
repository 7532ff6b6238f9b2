import { mergeClasses } from '@fluentui/react-components';
import type { IssueListState } from './IssueList.types';

export function renderIssueList_unstable(state: IssueListState) {
  const { classes } = state;
  return (
    <>
      <div
        ref={state.scrollRef}
        className={classes.root}
        style={{ height: state.viewportHeight }}
        role="listbox"
        tabIndex={0}
        aria-label={state.ariaLabel}
        aria-describedby={state.hintId}
        aria-activedescendant={state.activeId}
        onScroll={state.onScroll}
        onKeyDown={state.onKeyDown}
        onFocus={state.onFocus}
        data-count={state.count}
      >
        <div className={classes.spacer} style={{ height: state.range.totalHeight }}>
          {state.rows.map((row) => (
            <div
              key={row.index}
              id={row.id}
              role="option"
              aria-selected={row.active}
              aria-setsize={state.count}
              aria-posinset={row.index + 1}
              aria-label={`${row.location} ${row.field} ${row.details}`}
              title={row.details}
              className={mergeClasses(classes.row, classes.severity[row.issue.severity], row.active && classes.activeRow)}
              style={{ top: row.top, height: state.rowHeight }}
              data-sheet={row.issue.sheet}
              data-row={row.issue.row ?? undefined}
              data-column={row.issue.column ?? undefined}
              onClick={() => state.onRowClick(row.index)}
            >
              <div className={classes.rowTop}>
                <span className={classes.location}>{row.location}</span>
                {row.field && <span className={classes.field}>{row.field}</span>}
              </div>
              <div className={classes.message}>{row.issue.message}</div>
            </div>
          ))}
        </div>
      </div>
      <span id={state.hintId} className={classes.hint}>
        {state.hint}
      </span>
    </>
  );
}
