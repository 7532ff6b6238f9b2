import { Button, Field, Select } from '@fluentui/react-components';
import * as React from 'react';
import { CATEGORIES, GENERATIONS, type Category, type Generation, type ValidationReport } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import { useI18n } from '../i18n/I18nContext';
import type { Overrides } from '../state/useValidationSession';
import { usePaneStyles } from './paneStyles.styles';
import { ProfileDialog } from './ProfileDialog';

export interface WorkbookPanelProps {
  report: ValidationReport | undefined;
  overrides: Overrides;
  onOverridesChange: (overrides: Overrides) => void;
  profile: SchoolProfile;
  onProfileChange: (profile: SchoolProfile | undefined) => void;
  disabled?: boolean;
}

const AUTO = '';

/** Detected template sheets with their generation and category (changeable), and the school profile. */
export function WorkbookPanel(props: WorkbookPanelProps) {
  const { report, overrides, onOverridesChange, profile, onProfileChange, disabled } = props;
  const { t } = useI18n();
  const pane = usePaneStyles();
  const headingId = React.useId();
  const [dialogOpen, setDialogOpen] = React.useState(false);

  // What detection found when nothing was overridden (the report shows the override once one is set).
  const detected = React.useRef<{ generation?: Generation; category?: Category }>({});
  if (report && overrides.generation === undefined) detected.current.generation = report.template;
  if (report && overrides.category === undefined) detected.current.category = report.category;
  const autoLabel = (value: string | undefined) => (value ? t('workbook.auto', { value }) : t('workbook.autoPending'));

  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={pane.sectionHeading}>
        {t('workbook.heading')}
      </h2>
      {report ? (
        <div>
          <div className={pane.muted}>{t('workbook.sheets')}</div>
          <ul className={pane.list} data-testid="sheets">
            {report.sheets.map((sheet) => (
              <li key={sheet.sheet}>
                {t('workbook.sheetRow', { sheet: sheet.sheet, rows: sheet.rows, headerRow: String(sheet.headerRow) })} ·{' '}
                {sheet.template} · {t(`category.${sheet.category}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className={pane.muted}>{t('workbook.notRead')}</p>
      )}
      <div className={pane.twoColumns}>
        <Field label={t('workbook.generation')}>
          <Select
            className={pane.fill}
            value={overrides.generation ?? AUTO}
            disabled={disabled}
            onChange={(_, data) =>
              onOverridesChange({ ...overrides, generation: (data.value || undefined) as Generation | undefined })
            }
          >
            <option value={AUTO}>{autoLabel(detected.current.generation)}</option>
            {GENERATIONS.map((generation) => (
              <option key={generation} value={generation}>
                {t(`generation.${generation}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('workbook.category')}>
          <Select
            className={pane.fill}
            value={overrides.category ?? AUTO}
            disabled={disabled}
            onChange={(_, data) => onOverridesChange({ ...overrides, category: (data.value || undefined) as Category | undefined })}
          >
            <option value={AUTO}>
              {autoLabel(detected.current.category ? t(`category.${detected.current.category}`) : undefined)}
            </option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`category.${category}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {report && <div className={pane.muted}>{t('workbook.overrideHint')}</div>}
      <div className={pane.row}>
        <div className={pane.grow}>
          <div className={pane.muted}>{t('profile.heading')}</div>
          <div data-testid="profile">
            {t('profile.summary', { unitCode: profile.unitCode, unitName: profile.unitName })}
            {profile.majors.length > 0 && ` · ${t('profile.majors', { count: profile.majors.length })}`}
          </div>
        </div>
        <Button size="small" disabled={disabled} onClick={() => setDialogOpen(true)}>
          {t('profile.change')}
        </Button>
      </div>
      <ProfileDialog
        open={dialogOpen}
        profile={profile}
        onClose={() => setDialogOpen(false)}
        onApply={(next) => {
          setDialogOpen(false);
          onProfileChange(next);
        }}
      />
    </section>
  );
}
