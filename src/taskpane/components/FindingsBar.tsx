import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import type { WorkbookFinding } from '../workbookPort';
import { usePaneStyles } from './paneStyles.styles';

/** The message and its intent for one bad-input finding; none of them changes the workbook. */
export function findingMessage(finding: WorkbookFinding): { key: MessageKey; params: Record<string, string | number>; intent: 'error' | 'warning' | 'info' } {
  switch (finding.kind) {
    case 'noTemplate':
      return { key: 'finding.noTemplate', params: {}, intent: 'error' };
    case 'protected':
      return { key: 'finding.protected', params: { sheet: finding.sheet }, intent: 'warning' };
    case 'huge':
      return { key: 'finding.huge', params: { sheet: finding.sheet, rows: finding.rows }, intent: 'info' };
    case 'mergedHeader':
      return { key: 'finding.mergedHeader', params: { sheet: finding.sheet, address: finding.address ?? '' }, intent: 'warning' };
    case 'formulas':
      return {
        key: 'finding.formulas',
        params: { sheet: finding.sheet, count: finding.count, address: finding.address ?? '' },
        intent: 'warning',
      };
    case 'hiddenRows':
      return { key: 'finding.hiddenRows', params: { sheet: finding.sheet, count: finding.count }, intent: 'warning' };
    case 'hiddenColumns':
      return { key: 'finding.hiddenColumns', params: { sheet: finding.sheet, count: finding.count }, intent: 'warning' };
    case 'filtered':
      return { key: 'finding.filtered', params: { sheet: finding.sheet }, intent: 'warning' };
    case 'hiddenSheet':
      return { key: 'finding.hiddenSheet', params: { sheet: finding.sheet }, intent: 'info' };
    case 'wide':
      return { key: 'finding.wide', params: { sheet: finding.sheet, columns: finding.columns }, intent: 'info' };
    case 'other':
      return { key: 'finding.other', params: { message: finding.text?.['zh-CN'] ?? '' }, intent: 'warning' };
  }
}

/** One message bar per finding, in the order the gateway reported them. */
export function FindingsBar(props: { findings: readonly WorkbookFinding[]; noTemplate: boolean }) {
  const { t, locale } = useI18n();
  const pane = usePaneStyles();
  const findings = [...props.findings];
  if (props.noTemplate && !findings.some((finding) => finding.kind === 'noTemplate')) findings.unshift({ kind: 'noTemplate', sheets: [] });
  if (findings.length === 0) return null;
  return (
    <div className={pane.section} role="region" aria-label={t('finding.label')} data-testid="findings">
      {findings.map((finding, index) => {
        const { key, params, intent } = findingMessage(finding);
        return (
          <MessageBar key={`${finding.kind}-${index}`} intent={intent} layout="multiline" data-finding={finding.kind}>
            <MessageBarBody>
              {finding.text?.[locale] ?? t(key, params)}
              {finding.kind === 'noTemplate' && !finding.text && finding.sheets.length > 0 && (
                <div className={pane.muted}>{t('finding.noTemplate.sheets', { sheets: finding.sheets.join('、') })}</div>
              )}
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </div>
  );
}
