import { Badge, Button } from '@fluentui/react-components';
import { IssueList } from '../IssueList';
import type { RuleGroupState } from './RuleGroup.types';

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function renderRuleGroup_unstable(state: RuleGroupState) {
  const { classes } = state;
  return (
    <section className={classes.root} aria-labelledby={state.headingId} data-rule={state.rule}>
      <h3 className={classes.heading}>
        <button
          type="button"
          id={state.headingId}
          className={classes.header}
          aria-expanded={state.expanded}
          aria-controls={state.bodyId}
          onClick={state.toggle}
        >
          <span className={classes.chevron} aria-hidden="true">
            {state.expanded ? '▾' : '▸'}
          </span>
          <Badge appearance="tint" color={BADGE_COLOR[state.severity]} size="small">
            {state.severityLabel}
          </Badge>
          <span className={classes.title}>{state.title}</span>
          <Badge appearance="filled" color={BADGE_COLOR[state.severity]} data-testid="group-count">
            {state.countLabel}
          </Badge>
        </button>
      </h3>
      {state.expanded && (
        <div id={state.bodyId} className={classes.body} role="region" aria-labelledby={state.headingId}>
          <dl className={classes.explanation}>
            <dt className={classes.term}>{state.whyLabel}</dt>
            <dd className={classes.definition}>{state.why}</dd>
            <dt className={classes.term}>{state.fixLabel}</dt>
            <dd className={classes.definition}>{state.fix}</dd>
          </dl>
          <div className={classes.caption}>{state.examplesCaption}</div>
          <IssueList
            issues={state.visible}
            onSelectIssue={state.onSelectIssue}
            aria-label={state.listLabel}
            visibleRows={state.showAll ? 10 : 6}
            showSheet={state.showSheet}
          />
          {state.showAllLabel && (
            <div className={classes.footer}>
              <Button appearance="subtle" size="small" onClick={state.toggleShowAll} aria-expanded={state.showAll}>
                {state.showAllLabel}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
