/** Roles of 第十一条: 采集 and 校核 by different people, then the degree office's 审核. */
export type Role = 'collector' | 'checker' | 'office';

export const ROLE_NAMES: Readonly<Record<Role, { 'zh-CN': string; 'en-US': string }>> = {
  collector: { 'zh-CN': '采集人', 'en-US': 'Collector' },
  checker: { 'zh-CN': '校核人', 'en-US': 'Checker' },
  office: { 'zh-CN': '学位办审核', 'en-US': 'Degree office' },
};

export type AuditAction =
  | '采集完成'
  | '校核通过'
  | '退回'
  | '审核通过'
  | '采用学籍值'
  | '数据修正'
  | '清除标记'
  | '导出上报文件'
  | '补报说明'
  | '签核被拒绝'
  | '基线建立'
  | '更正申请'
  | '二级学院审核'
  | '学校审批'
  | '撤销学位'
  | '删除记录';

/** What signing an action means, recorded with it (21 CFR 11.50-style: who, when, meaning). */
export const ACTION_MEANINGS: Readonly<Record<AuditAction, string>> = {
  采集完成: '确认本数据已按学籍和学位授予决议如实采集完毕',
  校核通过: '确认已对照学位授予决议和学籍学历信息校核本数据',
  退回: '校核或审核未通过，退回修改',
  审核通过: '学位办确认本数据可以上报',
  采用学籍值: '用学籍数据修正了非关键字段',
  数据修正: '修正了数据',
  清除标记: '清除了校验标记',
  导出上报文件: '导出了上报文件',
  补报说明: '记录了超期补报的原因',
  签核被拒绝: '签核请求因不符合规则被拒绝',
  基线建立: '确认导出上报的数据为已上报基线，此后的改动须经更正程序（规程第十三条）',
  更正申请: '提出更正已上报学位授予信息的书面申请（规程第十五条）',
  二级学院审核: '二级学院审核同意更正申请',
  学校审批: '学校审批同意更正申请',
  撤销学位: '登记撤销学位决议，须在规定期限内报送（规程第十六条）',
  删除记录: '登记删除误报学位授予信息的申请（规程第十五条）',
};

/** One row of the audit sheet. Holds no ID numbers or other personal data beyond the signer's name. */
export interface AuditEvent {
  seq: number;
  /** ISO 8601 with the +08:00 offset. */
  time: string;
  actor: string;
  actorId: string;
  role: Role;
  action: AuditAction;
  meaning: string;
  /** Sheet(s) and rows the event covers, e.g. `外国语学院!2:301`. */
  scope: string;
  datasetDigest: string;
  rulesVersion: string;
  addinVersion: string;
  note: string;
  prevHash: string;
  entryHash: string;
}

export type AuditDraft = Omit<AuditEvent, 'seq' | 'time' | 'meaning' | 'prevHash' | 'entryHash'> & { meaning?: string };

/** The column order of the audit sheet. */
export const AUDIT_COLUMNS: readonly (keyof AuditEvent)[] = [
  'seq', 'time', 'actor', 'actorId', 'role', 'action', 'meaning', 'scope', 'datasetDigest', 'rulesVersion', 'addinVersion',
  'note', 'prevHash', 'entryHash',
];

/** ISO 8601 in China time, e.g. 2026-11-28T17:05:09+08:00. */
export function chinaTime(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
