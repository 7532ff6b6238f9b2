/**
 * The export manifest: a JSON record beside the upload file, and a printable rendering, that ties the file (its
 * SHA-256) to the data that was signed (the data digest) and to the audit trail (the chain head after the export
 * event), so that all three can be checked outside the workbook. It holds signer names, never personal data of
 * the graduates.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { ROLE_NAMES, chinaTime, type AuditEvent, type Role } from '../audit/events';
import type { Category, Generation } from '../model/types';
import { TEMPLATES } from '../template/generations';
import type { DeadlineStatus } from './deadline';
import { escapeHtml, printablePage } from './html';
import type { HeaderStyle, UploadFormat } from './uploadFile';

/** SHA-256 of bytes, lower-case hex. */
export function sha256OfBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export const MANIFEST_FORMAT = 'degree-data/export-manifest@1';

export interface ManifestSigner {
  role: Role;
  action: AuditEvent['action'];
  actor: string;
  actorId: string;
  time: string;
  seq: number;
}

export interface ExportManifest {
  format: typeof MANIFEST_FORMAT;
  /** ISO 8601, +08:00. */
  generatedAt: string;
  unit: { code: string; name: string };
  template: Generation;
  templateTitle: string;
  category: Category;
  /** 年度批次 of the file, e.g. 2026-2; `batches` when the rows span several. */
  batch: string;
  batches: string[];
  file: { name: string; format: UploadFormat; headerStyle: HeaderStyle; encoding: string; rows: number; bytes: number; sha256: string };
  sheets: { sheet: string; rows: number }[];
  /** digestRows of every record (all sheets), the digest the sign-offs carry. */
  dataDigest: string;
  audit: {
    /** Head of the chain after the export event: compare it with the workbook's audit sheet. */
    head: string;
    exportEventSeq: number;
    events: number;
  };
  signers: ManifestSigner[];
  decision?: { number: string; date: string; effectiveDate: string; deadline: string; daysLeft: number; late: boolean };
  lateReason?: string;
  rulesVersion: string;
  addinVersion: string;
  /** Other files written with the upload file (publicity list, photo package), with their SHA-256. */
  companions: { kind: 'publicity' | 'photos' | 'workbook'; name: string; sha256?: string; count?: number }[];
}

export interface ManifestInput {
  unit: { code: string; name: string };
  generation: Generation;
  category: Category;
  batch: string;
  batches?: string[];
  file: { name: string; format: UploadFormat; headerStyle: HeaderStyle; bytes: Uint8Array; rows: number; encoding?: string };
  sheets: { sheet: string; rows: number }[];
  dataDigest: string;
  /** The chain including the export event(s). */
  events: readonly AuditEvent[];
  /** The sign-offs the gate accepted. */
  signOffs: readonly AuditEvent[];
  deadline?: DeadlineStatus;
  lateReason?: string;
  rulesVersion: string;
  addinVersion: string;
  companions?: ExportManifest['companions'];
  now?: Date;
}

export function buildManifest(input: ManifestInput): ExportManifest {
  const exportEvent = [...input.events].reverse().find((event) => event.action === '导出上报文件');
  const head = input.events.length ? input.events[input.events.length - 1].entryHash : '';
  const manifest: ExportManifest = {
    format: MANIFEST_FORMAT,
    generatedAt: chinaTime(input.now ?? new Date()),
    unit: input.unit,
    template: input.generation,
    templateTitle: TEMPLATES[input.generation].title['zh-CN'],
    category: input.category,
    batch: input.batch,
    batches: input.batches ?? [input.batch],
    file: {
      name: input.file.name,
      format: input.file.format,
      headerStyle: input.file.headerStyle,
      encoding: input.file.encoding ?? (input.file.format === 'dbf' ? 'GBK' : 'UTF-8 (Office Open XML)'),
      rows: input.file.rows,
      bytes: input.file.bytes.length,
      sha256: sha256OfBytes(input.file.bytes),
    },
    sheets: input.sheets,
    dataDigest: input.dataDigest,
    audit: { head, exportEventSeq: exportEvent?.seq ?? 0, events: input.events.length },
    signers: input.signOffs.map((event) => ({
      role: event.role,
      action: event.action,
      actor: event.actor,
      actorId: event.actorId,
      time: event.time,
      seq: event.seq,
    })),
    rulesVersion: input.rulesVersion,
    addinVersion: input.addinVersion,
    companions: input.companions ?? [],
  };
  if (input.deadline) {
    const { decision, effectiveDate, deadline, daysLeft, late } = input.deadline;
    manifest.decision = { number: decision.number, date: decision.date, effectiveDate, deadline, daysLeft, late };
  }
  if (input.lateReason?.trim()) manifest.lateReason = input.lateReason.trim();
  return manifest;
}

const dateText = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** Label / value lines shared by the text and HTML renderings. */
function manifestLines(m: ExportManifest): [string, string][] {
  const lines: [string, string][] = [
    ['生成时间 Generated', m.generatedAt],
    ['学位授予单位 Unit', `${m.unit.name}（${m.unit.code}）`],
    ['模板 Template', `${m.template} ${m.templateTitle}`],
    ['类别 Category', m.category],
    ['年度批次 Batch', m.batches.length > 1 ? `${m.batch}（含 ${m.batches.join('、')}）` : m.batch],
    ['上报文件 File', m.file.name],
    ['格式 Format', `${m.file.format}，表头 ${m.file.headerStyle === 'code' ? '字段代码' : '汉字名称(代码)'}，${m.file.encoding}`],
    ['记录数 Rows', String(m.file.rows)],
    ['文件大小 Bytes', String(m.file.bytes)],
    ['文件 SHA-256', m.file.sha256],
    ['工作表 Sheets', m.sheets.map((s) => `${s.sheet} ${s.rows} 行`).join('；')],
    ['数据摘要 Data digest', m.dataDigest],
    ['审计链末端 Audit chain head', m.audit.head],
    ['导出记录 Export event', `#${m.audit.exportEventSeq}（共 ${m.audit.events} 条 / ${m.audit.events} events）`],
  ];
  for (const signer of m.signers) {
    lines.push([
      `${ROLE_NAMES[signer.role]['zh-CN']} ${signer.action}`,
      `${signer.actor}${signer.actorId ? `（${signer.actorId}）` : ''} ${signer.time} #${signer.seq}`,
    ]);
  }
  if (m.decision) {
    lines.push(['学位授予决议 Decision', `${m.decision.number}，${dateText(m.decision.date)}`]);
    lines.push([
      '上报期限 Deadline',
      `${dateText(m.decision.deadline)}${m.decision.late ? `（超期 ${-m.decision.daysLeft} 天，补报）` : `（剩 ${m.decision.daysLeft} 天）`}`,
    ]);
  }
  if (m.lateReason) lines.push(['补报原因 Reason for late report', m.lateReason]);
  for (const companion of m.companions) {
    const kind = { publicity: '公示名单 Publicity list', photos: '照片包 Photos', workbook: '含导出记录的工作簿 Workbook' }[companion.kind];
    lines.push([kind, [companion.name, companion.count !== undefined ? `${companion.count} 张` : '', companion.sha256 ? `SHA-256 ${companion.sha256}` : ''].filter(Boolean).join('  ')]);
  }
  lines.push(['规则版本 Rules', m.rulesVersion], ['程序版本 Version', m.addinVersion]);
  return lines;
}

/** Plain text, one “label: value” per line, for a terminal or a plain printout. */
export function renderManifestText(m: ExportManifest): string {
  const lines = manifestLines(m);
  return [`学士学位授予信息上报清单 / Export manifest`, '', ...lines.map(([label, value]) => `${label}: ${value}`), ''].join('\n');
}

/** A printable A4 page (the hashes in a monospaced font so that they can be compared by eye). */
export function renderManifestHtml(m: ExportManifest): string {
  const rows = manifestLines(m)
    .map(([label, value]) => {
      const mono = /SHA-256|digest|head/i.test(label) ? ' class="mono"' : '';
      return `<tr><th>${escapeHtml(label)}</th><td${mono}>${escapeHtml(value)}</td></tr>`;
    })
    .join('\n');
  const body = `<h1>学士学位授予信息上报清单</h1>
<p class="sub">Export manifest · ${escapeHtml(m.unit.name)} · ${escapeHtml(m.file.name)}</p>
<table class="kv">
${rows}
</table>
<p class="note">上报文件、数据摘要和审计链末端哈希可在工作簿之外核对：用任一 SHA-256 工具计算上报文件的哈希，与本清单比对；用 <code>degree-data audit verify --head</code> 核对审计链。<br>
The file hash, data digest and chain head can be checked outside the workbook.</p>
<div class="sign"><span>经办人签字：</span><span>日期：</span></div>`;
  return printablePage(`上报清单 ${m.file.name}`, body);
}
