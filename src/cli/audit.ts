/**
 * `degree-data audit sign|verify`: sign-off and verification of the hidden, hash-chained audit trail.
 * Signing writes a copy (--out); the rules of signing (第十一条) cannot be switched off.
 */
import { parseArgs } from 'node:util';
import { headOf, nextEvent, verifyChain, type ChainProblem } from '../core/audit/chain';
import { changedRows, digestOfRows } from '../core/audit/digest';
import { ROLE_NAMES, type AuditEvent, type Role } from '../core/audit/events';
import { decideSignOff, signStatus } from '../core/audit/signing';
import { RULES_VERSION } from '../core/rules/catalogue';
import { appendAuditEvent } from '../node/auditStore';
import { openWorkbook, saveCopy, type OpenedWorkbook } from '../node/signedWorkbook';
import { EXIT_ERRORS, EXIT_OK, loadProfile, parseFormat, usageErrorOf, UsageError, type CliIO } from './common';
import { packageVersion } from './version';

export const AUDIT_HELP = `degree-data audit — 签核与审计链 / sign-off and audit trail

用法 / Usage:
  degree-data audit sign <in.xlsx> --role collector|checker|office --actor 姓名 [--actor-id 工号]
                         [--note 说明] --out <out.xlsx> [--profile FILE] [--format text|json]
  degree-data audit verify <in.xlsx> [--head 末端哈希] [--format text|json]

  sign    把签核事件写入副本的隐藏审计表（原文件不变）。有错误、校核人与采集人相同、
          缺少前序签核时拒绝（退出码 1），拒绝也会记入审计表。
          writes the sign-off into the hidden audit sheet of a copy; refused (exit 1, and logged) while errors
          remain, when the checker is the collector, or without the earlier step.
  verify  重算审计链，列出被修改、删除、插入、调换的记录和签核后改动的行；--head 为签核单或上报清单上的末端哈希。
          recomputes the chain, lists edited/deleted/inserted/reordered events and rows changed since the last
          sign-off; --head is the head hash printed on the sign-off slip or export manifest.

身份说明 / Identity: 签核人姓名与工号由本人填写，未经系统认证。 / the signer's name and staff number are self-declared.
`;

const ROLES: Record<string, Role> = {
  collector: 'collector', 采集人: 'collector', 采集: 'collector',
  checker: 'checker', 校核人: 'checker', 校核: 'checker',
  office: 'office', 学位办: 'office', 审核: 'office',
};

function scopeOf(opened: OpenedWorkbook): string {
  return opened.report.sheets.map((s) => `${s.sheet}!${s.headerRow + 1}:${s.headerRow + s.rows}`).join(', ');
}

async function sign(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        actor: { type: 'string' },
        'actor-id': { type: 'string' },
        note: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string' },
        format: { type: 'string' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要签核的工作簿', 'name the workbook to sign');
  const role = values.role ? ROLES[values.role.trim().toLowerCase()] : undefined;
  if (!role) throw new UsageError('--role 只能是 collector、checker 或 office', '--role must be collector, checker or office');
  if (!values.actor?.trim()) throw new UsageError('请用 --actor 填写签核人姓名', 'give the signer’s name with --actor');
  if (!values.out) throw new UsageError('请用 --out 指定签核后副本的文件名（原文件不会被修改）', 'name the signed copy with --out (the input is never modified)');
  const format = parseFormat(values.format);
  const profile = values.profile ? await loadProfile(values.profile) : undefined;

  const opened = await openWorkbook(file, { profile });
  const { events } = opened.trail;
  const request = {
    role,
    actor: values.actor.trim(),
    actorId: values['actor-id']?.trim() ?? '',
    datasetDigest: opened.digest.digest,
    errorCount: opened.report.counts.error,
    warningCount: opened.report.counts.warning,
    note: values.note ?? '',
  };
  const chainProblems = verifyChain(events);
  const decision =
    chainProblems.length > 0
      ? ({ ok: false, reason: 'brokenChain', message: '审计链已损坏，不能在其后签核，请先用 audit verify 查明 / the audit chain is broken: run audit verify first' } as const)
      : decideSignOff(events, request);
  const base = {
    actor: request.actor,
    actorId: request.actorId,
    role,
    scope: scopeOf(opened),
    datasetDigest: request.datasetDigest,
    rulesVersion: RULES_VERSION,
    addinVersion: packageVersion(),
  };
  const event: AuditEvent = decision.ok
    ? nextEvent(events, { ...base, action: decision.action, note: request.note })
    : nextEvent(events, { ...base, action: '签核被拒绝', note: `${ROLE_NAMES[role]['zh-CN']}：${decision.message}` });
  if (!decision.ok && decision.reason === 'brokenChain') {
    io.stderr.write(`degree-data: ${decision.message}\n`);
    return EXIT_ERRORS;
  }
  await appendAuditEvent(opened.workbook, event, decision.ok ? { seq: event.seq, rows: opened.digest.rows } : undefined);
  await saveCopy(opened.workbook, values.out, file);
  const result = {
    ok: decision.ok,
    action: event.action,
    reason: decision.ok ? undefined : decision.reason,
    message: decision.ok ? undefined : decision.message,
    seq: event.seq,
    head: event.entryHash,
    digest: request.datasetDigest,
    out: values.out,
  };
  if (format === 'json') io.stdout.write(`${JSON.stringify(result)}\n`);
  else if (decision.ok) {
    io.stdout.write(
      `已签核：${event.action}（${ROLE_NAMES[role]['zh-CN']} ${request.actor}，第 ${event.seq} 条）→ ${values.out}\n` +
        `Signed: ${event.action} by ${request.actor} (event ${event.seq}) → ${values.out}\n` +
        `审计链末端哈希 / chain head: ${event.entryHash}\n` +
        `数据摘要 / data digest: ${request.datasetDigest}\n` +
        '签核人身份由本人填写，未经系统认证。 / The signer’s identity is self-declared.\n',
    );
  } else {
    io.stdout.write(`签核被拒绝 / sign-off refused: ${decision.message}\n（拒绝已记入 ${values.out} 的审计表 / the refusal is logged in ${values.out}）\n`);
  }
  return decision.ok ? EXIT_OK : EXIT_ERRORS;
}

async function verify(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { head: { type: 'string' }, format: { type: 'string' }, profile: { type: 'string' } } });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要核验的工作簿', 'name the workbook to verify');
  const format = parseFormat(values.format);
  const profile = values.profile ? await loadProfile(values.profile) : undefined;
  const opened = await openWorkbook(file, { profile });
  const { events, signed, unreadable } = opened.trail;
  const problems: ChainProblem[] = verifyChain(events, values.head?.trim().toLowerCase());
  for (const row of unreadable) {
    problems.push({ kind: 'unreadable', seq: 0, message: `审计表第 ${row} 行不是有效记录 / audit sheet row ${row} is not a valid event` });
  }
  if (opened.trail.exists && !opened.trail.veryHidden) {
    problems.push({ kind: 'unhidden', seq: 0, message: '审计表不再是深度隐藏状态 / the audit sheet is no longer very hidden' });
  }
  const lastSignOff = [...events].reverse().find((e) => e.action === '采集完成' || e.action === '校核通过' || e.action === '审核通过');
  if (!lastSignOff) problems.push({ kind: 'notSigned', seq: 0, message: '该工作簿尚未签核 / the workbook has not been signed' });
  let changed: number[] = [];
  if (lastSignOff && signed) {
    if (digestOfRows(signed.rows) !== lastSignOff.datasetDigest || signed.seq !== lastSignOff.seq) {
      problems.push({
        kind: 'digestsAltered',
        seq: lastSignOff.seq,
        message: '签核时保存的行摘要与审计记录不符，摘要表被改动 / the stored row digests do not match the sign-off: the digest sheet was altered',
      });
    }
    changed = opened.digest.digest === lastSignOff.datasetDigest ? [] : changedRows(signed.rows, opened.digest.rows).changed;
  }
  const dataChanged = lastSignOff !== undefined && opened.digest.digest !== lastSignOff.datasetDigest;
  const ok = problems.length === 0 && !dataChanged;
  const result = { ok, events: events.length, head: headOf(events), status: signStatus(events, opened.digest.digest), problems, changedRows: changed };
  if (format === 'json') io.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const lines = [`审计记录 ${events.length} 条，末端哈希 ${result.head} / ${events.length} events, head ${result.head}`];
    for (const problem of problems) lines.push(`✗ ${problem.message}`);
    if (dataChanged) {
      lines.push(
        changed.length > 0
          ? `✗ 签核后第 ${changed.join('、')} 行已被修改 / rows ${changed.join(', ')} changed since the last sign-off`
          : '✗ 签核后数据已被修改（有行被删除） / the data changed since the last sign-off (rows deleted)',
      );
    }
    lines.push(ok ? '✓ 审计链完整，签核后数据未改动 / chain intact, data unchanged since the last sign-off' : '核验未通过 / verification failed');
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return ok ? EXIT_OK : EXIT_ERRORS;
}

/** Runs `audit <sign|verify> …`; throws UsageError / WorkbookReadError for unusable input (exit 2 in main). */
export async function runAudit(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'sign') return sign(rest, io);
  if (sub === 'verify') return verify(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout.write(AUDIT_HELP);
    return sub === undefined ? 2 : EXIT_OK;
  }
  throw new UsageError(`未知的 audit 子命令“${sub}”，可用：sign、verify`, `unknown audit subcommand “${sub}”; available: sign, verify`);
}
