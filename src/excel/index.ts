/**
 * The Excel gateway: the only code that calls Office.js. The task pane uses these functions; they run against
 * Excel (inside Office) or the simulator (tests, demo), which defines the same globals.
 */
export { readTemplateSheets, BLOCK_CELLS, HUGE_SHEET_ROWS, type ReadOptions, type ReadProgress, type ReadResult, type ReadStats } from './read';
export { applyMarks, clearMarks, hasMarks, MARK_COLORS, MARKS_SHEET, NOTE_PREFIX, NOTE_LIMIT, type MarkOptions, type MarkResult, type ClearResult } from './marks';
export { writeIssuesSheet, issueAddress, ISSUES_SHEET, type IssuesSheetOptions, type IssuesSheetResult } from './issuesSheet';
export { selectCell } from './select';
export {
  GatewayError,
  type GatewayErrorCode,
  type GatewayNotice,
  type NoticeKind,
  type StoreNotice,
  type StoreNoticeKind,
  type Text,
} from './messages';
export {
  appendAuditEvent,
  digestTemplateSheets,
  readAuditTrail,
  AUDIT_SPEC,
  DIGEST_SPEC,
  type AppendResult,
  type AuditTrail,
  type CurrentDigest,
  type ReadTrailOptions,
  type StoreOptions,
} from './audit';
export { RECORD_PROTECTION, type RecordSheetSpec } from './records';
export {
  appendChangeStep,
  readChangeState,
  writeBaseline,
  BASELINE_SPEC,
  CHANGES_SPEC,
  type ChangeState,
  type ChangeWriteResult,
} from './changes';
export {
  applyXuejiValue,
  canAdoptXuejiValue,
  readXuejiSheets,
  XUEJI_ADOPTABLE_RULES,
  XUEJI_KEY_FIELDS,
  XUEJI_KEY_RULES,
  type ApplyXuejiOptions,
  type XuejiFix,
  type XuejiRead,
} from './xueji';
export { gridsOfFile, parseXuejiFile, type PickedFile, type XuejiFile } from './xuejiFile';
export {
  blobDownload,
  freeSheetName,
  officePlatform,
  saveFile,
  savePathFor,
  setFileSaver,
  writeRowsToNewSheet,
  type FileSaver,
  type NewSheetOptions,
  type NewSheetResult,
  type SaveOptions,
  type SavePath,
  type SaveResult,
} from './output';
export { SYNC_BUDGET_BYTES, supportsExcelApi } from './run';
export { onOfficeReady, officeLocale, officeTheme, type OfficeHostInfo } from './office';
