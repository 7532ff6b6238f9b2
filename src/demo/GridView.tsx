import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { columnLetter } from '../core/util/columns';
import type { SimCellValue, SimWorkbook, SimWorksheet } from '../simulator';
import { cellKey } from '../simulator/model';
import { scrollToReveal, windowRange } from '../taskpane/view/windowing';

const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 104;
const HEADER_WIDTH = 52;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;
const MAX_COLUMNS = 120;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  scroller: { flexGrow: 1, overflow: 'auto', position: 'relative', minHeight: 0 },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  corner: { position: 'sticky', left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3 },
  headCell: {
    boxSizing: 'border-box',
    flexShrink: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT}px`,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  headSelected: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3 },
  hiddenRow: { color: tokens.colorNeutralForeground4, fontStyle: 'italic' },
  cell: {
    boxSizing: 'border-box',
    flexShrink: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    paddingLeft: '4px',
    paddingRight: '4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    color: '#000000',
    backgroundColor: '#FFFFFF',
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', '#E1E1E1'),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', '#E1E1E1'),
    cursor: 'cell',
  },
  number: { textAlign: 'end' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { ...shorthands.outline('2px', 'solid', '#107C41'), outlineOffset: '-2px', position: 'relative', zIndex: 1 },
  tabs: {
    display: 'flex',
    gap: '2px',
    overflowX: 'auto',
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.borderTop(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    paddingLeft: tokens.spacingHorizontalS,
  },
  tab: {
    ...shorthands.border(0),
    backgroundColor: 'transparent',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    paddingTop: '4px',
    paddingBottom: '4px',
    paddingLeft: '12px',
    paddingRight: '12px',
    cursor: 'pointer',
    ':focus-visible': { ...shorthands.outline('2px', 'solid', tokens.colorStrokeFocus2) },
  },
  activeTab: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: '#107C41',
    fontWeight: tokens.fontWeightSemibold,
    ...shorthands.borderBottom('2px', 'solid', '#107C41'),
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

function display(value: SimCellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export interface GridViewProps {
  workbook: SimWorkbook;
  /** Bumped whenever the workbook may have changed (a sync happened). */
  version: number;
  /** The user switched sheets or clicked a cell, as they would in Excel. */
  onChange: () => void;
}

/**
 * A plain, read-only view of the simulated workbook: values, fills (the pane's marks) and the selection, with
 * windowed rows so a 100,000-row sheet scrolls smoothly. Sheet tabs show the visible sheets, as Excel does.
 */
export function GridView(props: GridViewProps) {
  const { workbook, onChange } = props;
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, height: 600 });
  const current = workbook.currentSelection();
  const sheet: SimWorksheet | undefined = current?.sheet;
  const used = sheet?.usedRect(false);
  const rowCount = Math.max(MIN_ROWS, used ? used.row + used.rows + 5 : 0);
  const columnCount = Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, used ? used.column + used.columns + 1 : 0));
  const selection = current?.rect;
  const selectionKey = sheet && selection ? `${sheet.id}:${selection.row}:${selection.column}:${selection.rows}:${selection.columns}` : '';

  React.useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const update = () => setScroll({ top: element.scrollTop, height: element.clientHeight });
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Scroll the selection into view when it moves (the pane selected an issue's cell).
  React.useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !selection) return;
    const viewport = element.clientHeight - ROW_HEIGHT;
    const rowTop = scrollToReveal(selection.row, ROW_HEIGHT, viewport, element.scrollTop);
    const left = selection.column * COLUMN_WIDTH;
    const width = element.clientWidth - HEADER_WIDTH;
    let scrollLeft = element.scrollLeft;
    if (left < scrollLeft) scrollLeft = left;
    else if (left + COLUMN_WIDTH > scrollLeft + width) scrollLeft = left + COLUMN_WIDTH - width;
    element.scrollTo({ top: rowTop, left: scrollLeft });
    setScroll({ top: element.scrollTop, height: element.clientHeight });
    // Only a new selection scrolls (selectionKey); data changes keep the user's position.
  }, [selectionKey]);

  if (!sheet) return <div className={styles.empty}>—</div>;

  const range = windowRange({ count: rowCount, rowHeight: ROW_HEIGHT, viewportHeight: scroll.height, scrollTop: scroll.top, overscan: 10 });
  const isSelected = (row: number, column: number) =>
    !!selection &&
    row >= selection.row &&
    row < selection.row + selection.rows &&
    column >= selection.column &&
    column < selection.column + selection.columns;
  const selectionAddress = selection
    ? `${sheet.name}!${columnLetter(selection.column)}${selection.row + 1}` +
      (selection.rows > 1 || selection.columns > 1
        ? `:${columnLetter(selection.column + selection.columns - 1)}${selection.row + selection.rows}`
        : '')
    : '';

  const select = (row: number, column: number) => {
    workbook.selection = { sheetId: sheet.id, rect: { row, column, rows: 1, columns: 1 } };
    onChange();
  };

  const rows = [];
  for (let row = range.start; row < range.end; row++) {
    const cells = [];
    for (let column = 0; column < columnCount; column++) {
      const value = sheet.value(row, column);
      const fill = sheet.fill(row, column);
      const selected = isSelected(row, column);
      const address = `${columnLetter(column)}${row + 1}`;
      cells.push(
        <div
          key={column}
          role="gridcell"
          aria-selected={selected}
          className={mergeClasses(
            styles.cell,
            typeof value === 'number' && styles.number,
            sheet.bold.get(cellKey(row, column)) && styles.bold,
            selected && styles.selected,
          )}
          style={{ width: COLUMN_WIDTH, backgroundColor: fill?.color }}
          data-cell={address}
          data-fill={fill?.color}
          title={value === null ? undefined : `${address}: ${display(value)}`}
          onClick={() => select(row, column)}
        >
          {display(value)}
        </div>,
      );
    }
    const hidden = sheet.isRowHidden(row);
    rows.push(
      <div key={row} role="row" className={styles.row} style={{ top: (row + 1) * ROW_HEIGHT }} aria-rowindex={row + 1}>
        <div
          role="rowheader"
          className={mergeClasses(
            styles.headCell,
            styles.rowHead,
            hidden && styles.hiddenRow,
            !!selection && row >= selection.row && row < selection.row + selection.rows && styles.headSelected,
          )}
          style={{ width: HEADER_WIDTH }}
          title={hidden ? '隐藏行 / hidden row' : undefined}
        >
          {row + 1}
          {hidden ? '·' : ''}
        </div>
        {cells}
      </div>,
    );
  }

  const visibleSheets = workbook.sheets.filter((s) => s.visibility === 'Visible');
  return (
    <div className={styles.root} data-testid="grid" data-active-sheet={sheet.name} data-selection={selectionAddress}>
      <div
        ref={scroller}
        className={styles.scroller}
        role="grid"
        aria-label={`工作表 ${sheet.name}`}
        aria-rowcount={rowCount}
        aria-colcount={columnCount}
        onScroll={(event) => setScroll({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
      >
        <div style={{ height: (rowCount + 1) * ROW_HEIGHT, width: HEADER_WIDTH + columnCount * COLUMN_WIDTH, position: 'relative' }}>
          <div className={styles.header} role="row" style={{ width: HEADER_WIDTH + columnCount * COLUMN_WIDTH }}>
            <div className={mergeClasses(styles.headCell, styles.corner)} style={{ width: HEADER_WIDTH }} />
            {Array.from({ length: columnCount }, (_, column) => (
              <div
                key={column}
                role="columnheader"
                className={mergeClasses(
                  styles.headCell,
                  !!selection && column >= selection.column && column < selection.column + selection.columns && styles.headSelected,
                )}
                style={{ width: COLUMN_WIDTH }}
              >
                {columnLetter(column)}
              </div>
            ))}
          </div>
          {rows}
        </div>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="工作表 / Sheets">
        {visibleSheets.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s === sheet}
            className={mergeClasses(styles.tab, s === sheet && styles.activeTab)}
            onClick={() => {
              workbook.activeSheetId = s.id;
              onChange();
            }}
            data-sheet-tab={s.name}
          >
            {s.name}
            {s.protection.protected ? ' 🔒' : ''}
          </button>
        ))}
      </div>
    </div>
  );
}
