/**
 * The 导出 step's pure part: the upload groups of the validated records, what the target file cannot hold, the
 * gate's verdict, and the plan of an export — files, audit events, manifest and the new reported baseline — built
 * from the audit trail as it is right before the export. The rules are src/core/export and src/core/changes.
 */
import type { DatasetDigest, DigestableRecord } from '../../core/audit/digest';
import type { AuditEvent } from '../../core/audit/events';
import type { SignedDigests } from '../../core/audit/sheetFormat';
import { changesBlockingExport, establishBaseline, type Baseline, type ChangeEntry, type ExportBlocker } from '../../core/changes';
import {
  batchOfRecords,
  buildManifest,
  checkExportGate,
  checkUploadValues,
  exportEvents,
  mimeTypeOf,
  scopeOf,
  sha256OfBytes,
  uploadFileName,
  writeUploadDbf,
  writeUploadXlsx,
  type CharEncoder,
  type DeadlineStatus,
  type ExportManifest,
  type GateDecision,
  type HeaderStyle,
  type UploadFormat,
  type UploadGroup,
} from '../../core/export';
import type { Issue, Locale, SheetGrid, ValidationReport } from '../../core/model/types';
import type { SchoolProfile } from '../../core/profile/profile';
import { detectHeader } from '../../core/template/headers';
import { columnLetter } from '../../core/util/columns';
import type { Role } from '../../core/audit/events';


/** Column letters of the fields of each template sheet, for issues raised at export time. */
export function columnFinder(grids: readonly SheetGrid[] | undefined): (sheet: string, field: string) => string | null {
  const headers = new Map((grids ?? []).map((grid) => [grid.name, { grid, header: detectHeader(grid) }]));
  return (sheet, field) => {
    const found = headers.get(sheet);
    const index = found?.header?.columns.get(field);
    return found && index !== undefined ? columnLetter(found.grid.startColumn + index) : null;
  };
}

/** What the chosen format cannot hold (GBK for .dbf, byte lengths), as error issues at their rows. */
export function exportIssuesOf(
  groups: readonly UploadGroup[],
  format: UploadFormat,
  encoder: CharEncoder | undefined,
  locale: Locale,
  columnOf: (sheet: string, field: string) => string | null,
): Issue[] {
  return groups.flatMap((group) => checkUploadValues(group, { format, encoder, locale }, columnOf));
}

export interface GateContext {
  report: ValidationReport;
  digest: DatasetDigest;
  events: readonly AuditEvent[];
  unreadable: readonly number[];
  signed?: SignedDigests;
  exportIssues: readonly Issue[];
  requireApproval: boolean;
  deadline?: DeadlineStatus;
  lateReason: string;
  records: readonly DigestableRecord[];
  changes: { entries: readonly ChangeEntry[]; baseline?: Baseline; unreadableBaseline?: readonly number[]; unreadableChanges?: readonly number[] };
  today: string;
}

/** The gate (core checkExportGate), with what blocks after a first report (core changesBlockingExport). */
export function gateOf(context: GateContext): { decision: GateDecision; blockers: ExportBlocker[] } {
  const blockers = changesBlockingExport({ events: context.events, entries: context.changes.entries, baseline: context.changes.baseline }, context.records, {
    today: context.today,
    unreadableBaseline: context.changes.unreadableBaseline,
    unreadableChanges: context.changes.unreadableChanges,
  });
  const decision = checkExportGate({
    report: context.report,
    exportIssues: context.exportIssues,
    events: context.events,
    unreadableAuditRows: context.unreadable,
    digest: context.digest,
    signed: context.signed,
    requireApproval: context.requireApproval,
    deadline: context.deadline,
    lateReason: context.lateReason,
    changeBlockers: blockers,
  });
  return { decision, blockers };
}

export interface PlannedFile {
  kind: 'upload' | 'manifest' | 'manifestHtml' | 'publicity' | 'photos';
  name: string;
  bytes: Uint8Array;
  mime: string;
  rows?: number;
  sha256: string;
}

export interface ExportPlan {
  files: PlannedFile[];
  /** The upload files' rows (header first), for 写入新工作表. */
  uploads: { name: string; rows: string[][]; group: UploadGroup }[];
  /** 补报说明 (when late) and 导出上报文件. */
  events: AuditEvent[];
  /** The exported records as the reported baseline, with its 基线建立 event (after `events`). */
  baseline: { baseline: Baseline; event: AuditEvent };
  manifests: ExportManifest[];
  /** The chain head after the export: printed in the manifest. */
  head: string;
}

export interface PlanInput {
  groups: readonly UploadGroup[];
  records: readonly DigestableRecord[];
  report: ValidationReport;
  digest: DatasetDigest;
  events: readonly AuditEvent[];
  signOffs: readonly AuditEvent[];
  format: UploadFormat;
  headerStyle: HeaderStyle;
  encoder?: CharEncoder;
  pattern: string;
  profile: SchoolProfile;
  today: string;
  deadline?: DeadlineStatus;
  lateReason: string;
  actor: { name: string; staffId: string; role: Role };
  rulesVersion: string;
  addinVersion: string;
  /** Companions written with the upload file (publicity list, photo package), already built. */
  companions?: PlannedFile[];
  now?: Date;
}

const encoder = new TextEncoder();

/**
 * The export as it will be written: one upload file per group (the file name from the pattern, a suffix when two
 * groups would share it), the events recording it, a manifest per upload file whose chain head is that after the
 * export events and the 基线建立 of the exported records (the reported baseline of 第十三条), as the CLI does.
 */
export function planExport(input: PlanInput): ExportPlan {
  const files: PlannedFile[] = [];
  const uploads: ExportPlan['uploads'] = [];
  const used = new Set<string>();
  const built = input.groups.map((group) => {
    const { batch, batches } = batchOfRecords(group.records, input.today);
    const fields = { unitCode: input.profile.unitCode, unitName: input.profile.unitName, batch, category: group.category, generation: group.generation, today: input.today };
    let name = uploadFileName(input.pattern, fields, input.format);
    if (used.has(name)) name = uploadFileName(`${input.pattern}_{类别}_{模板}`, fields, input.format);
    used.add(name);
    const bytes = input.format === 'dbf' ? writeUploadDbf(group, input.encoder!, input.today) : writeUploadXlsx(group, input.headerStyle);
    const file: PlannedFile = { kind: 'upload', name, bytes, mime: mimeTypeOf(name), rows: group.records.length, sha256: sha256OfBytes(bytes) };
    files.push(file);
    const codes = group.columns.map((column) => column.code);
    uploads.push({
      name,
      group,
      rows: [
        group.columns.map((column) => (input.headerStyle === 'label' ? `${column.definition.label}(${column.code})` : column.code)),
        ...group.records.map((record) => codes.map((code) => record.values[code] ?? '')),
      ],
    });
    return { group, file, batch, batches };
  });
  const companions = input.companions ?? [];
  const events = exportEvents(input.events, {
    actor: input.actor.name,
    actorId: input.actor.staffId,
    role: input.actor.role,
    scope: scopeOf(input.records),
    datasetDigest: input.digest.digest,
    rulesVersion: input.rulesVersion,
    addinVersion: input.addinVersion,
    files: built.map(({ file }) => ({ name: file.name, rows: file.rows ?? 0, sha256: file.sha256 })),
    deadline: input.deadline,
    lateReason: input.lateReason,
    now: input.now,
  });
  const all = [...input.events, ...events];
  const baseline = establishBaseline(
    all,
    input.records,
    input.report.sheets.map((s) => ({ sheet: s.sheet, template: s.template, category: s.category })),
    { actor: input.actor.name, actorId: input.actor.staffId, rulesVersion: input.rulesVersion, addinVersion: input.addinVersion },
    input.now,
  );
  const manifests = built.map(({ group, file, batch, batches }) =>
    buildManifest({
      unit: { code: input.profile.unitCode, name: input.profile.unitName },
      generation: group.generation,
      category: group.category,
      batch,
      batches,
      file: { name: file.name, format: input.format, headerStyle: input.format === 'dbf' ? 'code' : input.headerStyle, bytes: file.bytes, rows: group.records.length },
      sheets: group.sheets.map((sheet) => ({ sheet, rows: input.report.sheets.find((s) => s.sheet === sheet)?.rows ?? 0 })),
      dataDigest: input.digest.digest,
      events: [...all, baseline.event],
      signOffs: input.signOffs,
      deadline: input.deadline,
      lateReason: input.lateReason,
      rulesVersion: input.rulesVersion,
      addinVersion: input.addinVersion,
      companions: companions.map((c) => ({ kind: c.kind === 'photos' ? 'photos' : 'publicity', name: c.name, sha256: c.sha256 })),
      now: input.now,
    }),
  );
  for (const [index, manifest] of manifests.entries()) {
    const name = `${built[index].file.name}.manifest.json`;
    const bytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
    files.push({ kind: 'manifest', name, bytes, mime: mimeTypeOf(name), sha256: sha256OfBytes(bytes) });
  }
  files.push(...companions);
  return { files, uploads, events, baseline, manifests, head: baseline.event.entryHash };
}
