export { IssueList } from './IssueList';
export type { IssueListProps, IssueListState } from './IssueList.types';
export { ISSUE_ROW_HEIGHT, useIssueList_unstable } from './useIssueList';
export { issueListClassNames, useIssueListStyles_unstable } from './useIssueListStyles.styles';
export { renderIssueList_unstable } from './renderIssueList';
