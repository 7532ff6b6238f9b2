import { mergeClasses } from '@fluentui/react-components';
import { QUALITY_PARTS } from './QualityStrip.types';
import type { QualityStripRow, QualityStripState } from './QualityStrip.types';

function Bar(props: { row: QualityStripRow; state: QualityStripState }) {
  const { row, state } = props;
  return (
    <span className={state.classes.bar} aria-hidden="true">
      {QUALITY_PARTS.map((part) =>
        row.shares[part] > 0 ? (
          <span key={part} className={state.classes.segment[part]} style={{ width: `${row.shares[part]}%` }} data-part={part} />
        ) : null,
      )}
    </span>
  );
}

export function renderQualityStrip_unstable(state: QualityStripState) {
  const { classes } = state;
  return (
    <section className={classes.root} aria-labelledby={state.headingId}>
      <h3 id={state.headingId} className={classes.heading}>
        {state.heading}
      </h3>
      <ul className={classes.legend} aria-hidden="true">
        {state.legend.map((item) => (
          <li key={item.part} className={classes.legendItem}>
            <span className={mergeClasses(classes.swatch, classes.segment[item.part])} />
            {item.label}
          </li>
        ))}
      </ul>
      <ul className={classes.list}>
        {state.rows.map((row) => (
          <li key={row.field} data-field={row.field}>
            {state.interactive ? (
              <button
                type="button"
                className={mergeClasses(classes.row, row.active && classes.activeRow)}
                aria-pressed={row.active}
                aria-label={`${row.description}. ${row.filterLabel}`}
                title={row.description}
                onClick={() => state.onSelect(row.field)}
              >
                <span className={classes.label}>{row.label}</span>
                <Bar row={row} state={state} />
                <span className={classes.share}>{row.validText}</span>
              </button>
            ) : (
              <div className={classes.row} role="img" aria-label={row.description} title={row.description}>
                <span className={classes.label}>{row.label}</span>
                <Bar row={row} state={state} />
                <span className={classes.share}>{row.validText}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
