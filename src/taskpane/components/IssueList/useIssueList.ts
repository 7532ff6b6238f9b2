import * as React from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { fieldLabel, issueDetails, issueLocation } from '../../view/describe';
import { navigate, scrollToReveal, windowRange } from '../../view/windowing';
import type { IssueListProps, IssueListState } from './IssueList.types';

export const ISSUE_ROW_HEIGHT = 52;

/**
 * Props → state for a windowed listbox: only the rows in view (plus a few) are rendered, so 50,000 issues
 * cost what 30 do. Focus stays on the list (aria-activedescendant); arrows, Page Up/Down, Home/End move the
 * active row, Enter or Space selects its cell.
 */
export function useIssueList_unstable(props: IssueListProps): Omit<IssueListState, 'classes'> {
  const { issues, onSelectIssue, visibleRows = 8, rowHeight = ISSUE_ROW_HEIGHT, showSheet = false } = props;
  const { locale, t } = useI18n();
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [active, setActive] = React.useState(-1);
  const baseId = React.useId();
  const count = issues.length;
  const viewportHeight = Math.min(count, visibleRows) * rowHeight;

  // A new list (other filter, other run) starts at the top.
  React.useEffect(() => {
    setActive(-1);
    setScrollTop(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [issues]);

  const range = windowRange({ count, rowHeight, viewportHeight, scrollTop });

  const reveal = React.useCallback(
    (index: number) => {
      const element = scrollRef.current;
      const current = element ? element.scrollTop : scrollTop;
      const next = scrollToReveal(index, rowHeight, viewportHeight, current);
      if (next !== current) {
        if (element) element.scrollTop = next;
        setScrollTop(next);
      }
    },
    [rowHeight, viewportHeight, scrollTop],
  );

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const next = navigate(event.key, active < 0 ? -1 : active, count, visibleRows);
    if (next !== undefined) {
      event.preventDefault();
      const target = active < 0 && event.key === 'ArrowDown' ? 0 : next;
      setActive(target);
      reveal(target);
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && active >= 0 && active < count) {
      event.preventDefault();
      onSelectIssue(issues[active]);
    }
  };

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const issue = issues[index];
    rows.push({
      issue,
      index,
      id: `${baseId}-${index}`,
      top: index * rowHeight,
      active: index === active,
      location: issueLocation(issue, locale, showSheet),
      field: issue.field ? fieldLabel(issue.field, locale) : '',
      details: issueDetails(issue, locale),
    });
  }

  return {
    rowHeight,
    viewportHeight,
    range,
    rows,
    count,
    activeId: active >= 0 && active < count ? `${baseId}-${active}` : undefined,
    ariaLabel: props['aria-label'],
    hint: t('issue.listHint'),
    hintId: `${baseId}-hint`,
    scrollRef,
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
    onKeyDown,
    onFocus: () => {
      if (active < 0 && count > 0) setActive(Math.min(count - 1, range.start));
    },
    onRowClick: (index) => {
      setActive(index);
      onSelectIssue(issues[index]);
    },
    className: props.className,
  };
}
