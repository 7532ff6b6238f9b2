import * as React from 'react';
import type { IssueListProps } from './IssueList.types';
import { renderIssueList_unstable } from './renderIssueList';
import { useIssueList_unstable } from './useIssueList';
import { useIssueListStyles_unstable } from './useIssueListStyles.styles';

/** A windowed, keyboard-navigable list of issues with a fixed row height. */
export const IssueList: React.FC<IssueListProps> = (props) => {
  const state = useIssueList_unstable(props);
  const classes = useIssueListStyles_unstable(state);
  return renderIssueList_unstable({ ...state, classes });
};
IssueList.displayName = 'IssueList';
