/**
 * The second half of a record's life (规程第十二条–第十六条): the reported baseline, changes against it and their
 * requests, revocations and deletions, the printable forms, and the check the export gate calls.
 */
export {
  baselineDigest,
  baselineRowsOf,
  baselineSheetRows,
  checkBaseline,
  establishBaseline,
  fieldsOf,
  readBaseline,
  type Actor,
  type Baseline,
  type BaselineProblem,
  type BaselineRow,
  type SheetKind,
} from './baseline';
export {
  addDays,
  daysBetween,
  deadlineOf,
  isWorkingDay,
  parseDeadlineRule,
  REVOCATION_RULE,
  timeLeft,
  type DayCounting,
  type DeadlineRule,
  type TimeLeft,
} from './calendar';
export { diffRecords, diffValues, FALLBACK_KEYS, KEY_FIELDS, maskId, refOf, type ChangedRecord, type MatchKey, type RecordDiff } from './diff';
export { changeRequestForm, escapeHtml, withdrawalReport, type ChangeFormItem, type FormOptions } from './forms';
export {
  buildStep,
  checkChangeLog,
  findTarget,
  type ChangeContext,
  type ChangeStep,
  type LogProblem,
  type RecordTarget,
  type Refusal,
  type StepResult,
} from './log';
export {
  changesBlockingExport,
  coversChange,
  decideRequest,
  foldRequests,
  labelOf,
  requestChange,
  reviewChanges,
  STATUS_NAMES,
  type BlockerKind,
  type ChangeItem,
  type ChangeRequest,
  type ChangesOverview,
  type DeletionItem,
  type ExportBlocker,
  type OverviewOptions,
  type RecordLabel,
  type RequestStatus,
  type ReviewLevel,
  type RevocationItem,
} from './requests';
export {
  foldWithdrawals,
  recordDeletion,
  recordFiled,
  recordRevocation,
  stillPresent,
  withdrawalFile,
  withdrawalFileName,
  type Deletion,
  type Revocation,
  type Withdrawal,
  type WithdrawalFileOptions,
} from './revocation';
export {
  BASELINE_COLUMNS,
  BASELINE_SHEET,
  CHANGE_COLUMNS,
  changeRowOf,
  changesFromRows,
  CHANGES_SHEET,
  entryDigest,
  type ChangeEntry,
  type ChangeEntryKind,
  type FieldChange,
} from './sheetFormat';
