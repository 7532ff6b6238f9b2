/**
 * Printable views (self-contained HTML, A4 print CSS) of the written applications and reports that 第十二条、
 * 第十五条 and 第十六条 ask for, each with the signature lines of the people who must confirm it. Steps already
 * recorded in the audit trail are printed as electronic signatures (name, time, audit event number) beside the
 * line for the handwritten signature or seal.
 *
 * Personal data on paper is kept to what the reader needs:
 * - 更正申请表: the record is identified by 姓名, 学号, 学位证书编号, 学位类别 and 专业. The 证件号码 appears only when
 *   it is itself the field being corrected (old → new, which the approving office needs); otherwise it is left out
 *   entirely.
 * - 撤销/删除学位授予信息报告: identified by 姓名, 学位证书编号 and the other degree details; the 证件号码 only
 *   masked (first 6 and last 4 characters) for cross-checking. The full record goes in the .xlsx for the system.
 */
import { FIELDS } from '../template/fields';
import { timeLeft, REVOCATION_RULE, type DeadlineRule } from './calendar';
import { maskId } from './diff';
import type { ChangeRequest, RequestStep } from './requests';
import type { Withdrawal } from './revocation';

export interface FormOptions {
  unit?: { code: string; name: string };
  /** Where 第十五条/第十六条 applications go; the regulation implemented here is Chongqing's. */
  provincialOffice?: string;
  /** YYYYMMDD, printed as the date of the form and used for the days left. */
  today?: string;
  rule?: DeadlineRule;
}

const DEFAULT_OFFICE = '重庆市学位委员会办公室';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
const h = escapeHtml;

const dateText = (yyyymmdd: string) => (/^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}年${Number(yyyymmdd.slice(4, 6))}月${Number(yyyymmdd.slice(6, 8))}日` : yyyymmdd);
const timeText = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const labelOf = (code: string) => FIELDS[code]?.label ?? code;

const STYLE = `
@page { size: A4 portrait; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; margin: 0; }
.page { page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 4mm; letter-spacing: 2pt; }
.meta { display: flex; justify-content: space-between; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
th, td { border: 0.6pt solid #000; padding: 1.6mm 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.list td, .list th { font-size: 9.5pt; }
.list td.detail { font-size: 9pt; border-top: none; }
.nowrap { white-space: nowrap; }
th { background: #f2f2f2; font-weight: bold; white-space: nowrap; }
td.new { font-weight: bold; }
.key { font-weight: bold; }
.note { font-size: 9pt; margin: 2mm 0; }
.signatures td { height: 30mm; width: 33%; }
.sign-title { font-weight: bold; }
.esign { font-size: 8.5pt; color: #333; margin-top: 1.5mm; }
.line { margin-top: 4mm; white-space: nowrap; }
@media screen { body { background: #eee; } .page { background: #fff; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 18mm 16mm; box-shadow: 0 0 3mm #999; } }
`;

function documentOf(title: string, pages: string[]): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}

type Recorded = { actor: string; time: string; auditSeq: number; extra?: string };

function signatureCell(title: string, recorded?: Recorded | readonly Recorded[], seal = false): string {
  const list = recorded === undefined ? [] : Array.isArray(recorded) ? recorded : [recorded as Recorded];
  const esign = list
    .map((r) => `<div class="esign">电子签名：${h(r.actor)}&#12288;${h(timeText(r.time))}&#12288;审计第 ${r.auditSeq} 号${r.extra ? `<br>${h(r.extra)}` : ''}</div>`)
    .join('');
  return `<td><div class="sign-title">${h(title)}</div>${esign}<div class="line">签名${seal ? '（盖章）' : ''}：______________</div><div class="line">日期：______年____月____日</div></td>`;
}

const decisionText = (step?: RequestStep & { decision: 'agree' | 'reject' }) =>
  step ? `${step.decision === 'agree' ? '同意' : '不同意'}${step.note ? `：${step.note}` : ''}` : undefined;

export interface ChangeFormItem {
  request: ChangeRequest;
  /** The record as reported (baseline values), to identify the person. */
  record: Readonly<Record<string, string>>;
}

/** 学位授予信息更正申请表: one A4 page per request. */
export function changeRequestForm(items: readonly ChangeFormItem[], options: FormOptions = {}): string {
  const unit = options.unit;
  const office = options.provincialOffice ?? DEFAULT_OFFICE;
  const pages = items.map(({ request, record }) => {
    const idChanged = request.fields.some((f) => f.field === 'ZJHM');
    const identity: [string, string][] = [
      ['姓名', record.XM ?? ''],
      ['学号', record.XH ?? ''],
      ['学位证书编号', record.XWZSBH ?? ''],
      ['学位类别', record.XWLB || record.XWLBM || ''],
      ['专业', record.ZYMC || record.ZYDM || ''],
      ['获学位日期', dateText(record.HXWRQ ?? '')],
    ];
    const fieldRows = request.fields
      .map(
        (f) =>
          `<tr><td${f.key ? ' class="key"' : ''}>${h(labelOf(f.field))}（${h(f.field)}）${f.key ? ' ★' : ''}</td><td>${h(f.old) || '（空）'}</td><td class="new">${h(f.new) || '（空）'}</td></tr>`,
      )
      .join('');
    const stateRow = request.needsStateApproval
      ? `<p class="note">★ 涉及学位获得者姓名、性别、身份证件号码或学位类别等关键信息，须经国务院学位委员会办公室同意方可更改（规程第十五条）。</p>
<table><tr><th style="width:35%">国务院学位委员会办公室同意文号</th><td>${h(request.approvalDocument) || '&nbsp;'}</td></tr></table>`
      : `<p class="note">不涉及关键信息，根据${h(office)}审核意见更改（规程第十五条）。</p>`;
    const approvalExtra = request.approvalDocument ? `同意文号：${request.approvalDocument}` : undefined;
    return `<section class="page">
<h1>学位授予信息更正申请表</h1>
<div class="meta"><span>学位授予单位：${h(unit ? `${unit.name}（${unit.code}）` : '')}</span><span>申请编号：${h(request.id)}</span></div>
<table>
${identity.map(([k, v]) => `<tr><th style="width:22%">${h(k)}</th><td>${h(v)}</td></tr>`).join('\n')}
</table>
<table>
<tr><th style="width:34%">更正字段</th><th style="width:33%">原上报值</th><th>更正后</th></tr>
${fieldRows}
</table>
${idChanged ? '' : '<p class="note">本表不含身份证件号码（未更正该项）。</p>'}
<table><tr><th style="width:22%">更正原因</th><td>${h(request.reason)}</td></tr>
<tr><th>证明材料</th><td>&nbsp;</td></tr></table>
${stateRow}
<table class="signatures"><tr>
${signatureCell('申请人（二级学院经办人）', request.applicant)}
${signatureCell('二级学院负责人审核意见', request.review && { ...request.review, extra: decisionText(request.review) })}
${signatureCell('学校审批意见', request.approval && { ...request.approval, extra: [decisionText(request.approval), approvalExtra].filter(Boolean).join('；') })}
</tr></table>
<p class="note">报送：${h(office)}。签名或盖章履行确认手续，本表连同证明材料存档（规程第十二条）。</p>
</section>`;
  });
  return documentOf('学位授予信息更正申请表', pages);
}

/** 撤销学位授予信息报告 or 删除学位授予信息报告 for the listed records, with the signatures 第十二条 asks for. */
export function withdrawalReport(items: readonly Withdrawal[], kind: Withdrawal['kind'], options: FormOptions = {}): string {
  const chosen = items.filter((item) => item.kind === kind);
  const unit = options.unit;
  const office = options.provincialOffice ?? DEFAULT_OFFICE;
  const revocation = kind === 'revocation';
  const title = revocation ? '撤销学位授予信息报告' : '删除学位授予信息报告';
  const today = options.today;
  const rule = options.rule ?? REVOCATION_RULE;
  const head = ['序号', '姓名', '性别', '证件号码（部分）', '学位类别', '专业', '学位证书编号'];
  const rows = chosen
    .map((item, i) => {
      const v = item.values;
      const cells = [String(i + 1), v.XM ?? '', v.XB || v.XBM || '', maskId(v.ZJHM ?? ''), v.XWLB || v.XWLBM || '', v.ZYMC || v.ZYDM || '', v.XWZSBH ?? ''];
      const details = [`获学位日期：${dateText(v.HXWRQ ?? '')}`];
      if (item.kind === 'revocation') {
        details.push(`撤销学位决议：${item.decisionNo}（${dateText(item.decisionDate)}生效）`);
        if (item.filed) details.push(`已于${dateText(item.filed.date)}报送`);
        else if (today) {
          const left = timeLeft(item.decisionDate, today, rule);
          const unit = rule.counting === 'working' ? '个工作日' : '天';
          const count = rule.counting === 'working' ? left.workingDays : left.calendarDays;
          details.push(`报送截止：${dateText(left.deadline)}（${left.overdue ? `已逾期 ${-count} ${unit}` : `剩 ${count} ${unit}`}）`);
        }
      }
      details.push(`${revocation ? '撤销原因' : '删除原因'}：${item.reason}${item.reported ? '' : '（该记录尚未上报）'}`);
      return `<tr>${cells.map((c, j) => `<td${j <= 2 ? ' class="nowrap"' : ''}>${h(c)}</td>`).join('')}</tr>
<tr><td class="detail"></td><td class="detail" colspan="${head.length - 1}">${details.map(h).join('；')}</td></tr>`;
    })
    .join('\n');
  const to = revocation
    ? `国务院学位委员会办公室、${office}（抄送：教育部学位与研究生教育发展中心）`
    : office;
  const basis = revocation
    ? `依据规程第十六条，现将撤销学位情况报告如下，并附学位评定委员会撤销有关学位的决议。撤销学位决议生效起 ${rule.days} ${rule.counting === 'working' ? '个工作日' : '日'}内报送。`
    : '依据规程第十五条，现申请删除下列误报的学位授予信息，并附证明材料。';
  const recorded = chosen.map((item) => ({ actor: item.actor, time: item.time, auditSeq: item.auditSeq }));
  const signatures = revocation
    ? [signatureCell('经办人', recorded), signatureCell('学位办负责人'), signatureCell('学校', undefined, true)]
    : [
        signatureCell('申请人（二级学院经办人）', recorded),
        signatureCell('二级学院负责人'),
        signatureCell('学校审批', undefined, true),
      ];
  const page = `<section class="page">
<h1>${h(title)}</h1>
<div class="meta"><span>学位授予单位：${h(unit ? `${unit.name}（${unit.code}）` : '')}</span><span>${today ? `日期：${h(dateText(today))}` : ''}</span></div>
<p>${h(to)}：</p>
<p>${h(basis)}</p>
<table class="list">
<tr>${head.map((c) => `<th>${h(c)}</th>`).join('')}</tr>
${rows || `<tr><td colspan="${head.length}">（无）</td></tr>`}
</table>
<p class="note">共 ${chosen.length} 条。完整记录见随附的上报文件（.xlsx）；本报告不列完整身份证件号码。</p>
<p class="note">附件：${revocation ? '学位评定委员会撤销学位决议（扫描件）' : '证明材料'}</p>
<table class="signatures"><tr>
${signatures.join('\n')}
</tr></table>
<p class="note">签名或盖章履行确认手续，本报告存档（规程第十二条）。</p>
</section>`;
  return documentOf(title, [page]);
}
