/**
 * The export step (issue 7), for the task pane's 导出 step and the CLI: prepare → check values → gate → write →
 * record → manifest; plus the publicity list, the reporting deadline and the photo check. Pure: no file I/O.
 */
export { bytesToBase64, mimeTypeOf } from './bytes';
export { DbfValueError, writeDbf, type DbfField, type DbfOptions } from './dbf';
export { addDays, daysBetween, DecisionError, describeDeadline, reportingDeadline, REPORTING_DAYS, type Decision, type DeadlineStatus } from './deadline';
export { describeChar, gbkEncoderFromTextDecoder, isPrivateUse, type CharEncoder, type EncodeResult } from './encoding';
export {
  checkExportGate,
  describeRefusal,
  exportEvents,
  scopeOf,
  type ExportedFile,
  type ExportEventInput,
  type GateDecision,
  type GateInput,
  type GateReason,
  type GateReasonCode,
} from './gate';
export {
  buildManifest,
  MANIFEST_FORMAT,
  renderManifestHtml,
  renderManifestText,
  sha256OfBytes,
  type ExportManifest,
  type ManifestInput,
  type ManifestSigner,
} from './manifest';
export {
  buildPhotoPackage,
  checkPhotos,
  photoPackageName,
  PHOTO_PRESETS,
  type PhotoCheck,
  type PhotoEntry,
  type PhotoLimits,
  type PhotoPreset,
  type PhotoProblem,
  type PhotoProblemKind,
  type PhotoRecord,
} from './photos';
export {
  buildPublicityList,
  chineseDate,
  DEFAULT_PUBLICITY_DAYS,
  isWorkingDay,
  periodText,
  publicityPeriod,
  publicityRows,
  renderPublicityHtml,
  writePublicityXlsx,
  type PeriodOptions,
  type PublicityEntry,
  type PublicityList,
  type PublicityOptions,
  type PublicityPeriod,
} from './publicity';
export {
  batchOf,
  batchOfRecords,
  checkUploadValues,
  dbfFieldsOf,
  DEFAULT_FILE_PATTERN,
  FILE_NAME_TOKENS,
  FileNamePatternError,
  headerCell,
  prepareExport,
  UPLOAD_SHEET_NAME,
  uploadFileName,
  uploadGroups,
  uploadRows,
  writeTextXlsx,
  writeUploadDbf,
  writeUploadXlsx,
  type ExportRecord,
  type FileNameFields,
  type HeaderStyle,
  type PreparedExport,
  type PrepareResult,
  type TextSheet,
  type UploadFormat,
  type UploadGroup,
  type ValueCheckOptions,
} from './uploadFile';
