import type { AuditAction, AuditEvent, Role } from './events';

export interface SignRequest {
  role: Role;
  actor: string;
  actorId: string;
  /** Digest of the data as it is now. */
  datasetDigest: string;
  errorCount: number;
  warningCount: number;
  note: string;
}

export type SignDecision =
  | { ok: true; action: AuditAction }
  | { ok: false; reason: 'errors' | 'warningsNeedNote' | 'sameAsCollector' | 'notCollected' | 'notChecked' | 'noActor'; message: string };

const ACTION_OF_ROLE: Record<Role, AuditAction> = { collector: '采集完成', checker: '校核通过', office: '审核通过' };

/** Same person: the staff numbers when both have one, else the names (the identity is self-declared). */
export function samePerson(a: Pick<AuditEvent, 'actor' | 'actorId'>, b: Pick<AuditEvent, 'actor' | 'actorId'>): boolean {
  if (a.actorId.trim() && b.actorId.trim()) return a.actorId.trim() === b.actorId.trim();
  return a.actor.trim() === b.actor.trim();
}

/** The latest event of an action on exactly this data. */
function latestOn(events: readonly AuditEvent[], action: AuditAction, digest: string): AuditEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i].action === action && events[i].datasetDigest === digest) return events[i];
  return undefined;
}

/**
 * The rules of signing (第十一条、第十二条), with no switch to turn them off: no sign-off while errors remain;
 * warnings need a note; the checker is not the collector of the same data; the degree office approves only data
 * that someone else checked.
 */
export function decideSignOff(events: readonly AuditEvent[], request: SignRequest): SignDecision {
  const refuse = (reason: Exclude<SignDecision, { ok: true }>['reason'], message: string): SignDecision => ({ ok: false, reason, message });
  if (!request.actor.trim()) return refuse('noActor', '请填写签核人姓名 / enter the signer’s name');
  if (request.errorCount > 0) {
    return refuse('errors', `还有 ${request.errorCount} 个错误，改正后才能签核 / ${request.errorCount} error(s) must be fixed before signing`);
  }
  if (request.warningCount > 0 && !request.note.trim()) {
    return refuse('warningsNeedNote', `有 ${request.warningCount} 个警告，签核时须在备注中说明已确认 / ${request.warningCount} warning(s): acknowledge them in the note`);
  }
  const collected = latestOn(events, '采集完成', request.datasetDigest);
  if (request.role === 'checker') {
    if (!collected) return refuse('notCollected', '当前数据尚无“采集完成”签核，不能校核 / the current data has no collector sign-off yet');
    if (samePerson(collected, request)) {
      return refuse('sameAsCollector', `校核与采集须由不同人员完成（规程第十一条），${collected.actor} 已签采集完成 / collector and checker must be different people`);
    }
  }
  if (request.role === 'office') {
    const checked = latestOn(events, '校核通过', request.datasetDigest);
    if (!checked) return refuse('notChecked', '当前数据尚无他人“校核通过”，不能审核 / the current data has not been checked by someone else');
    if (samePerson(checked, request)) {
      return refuse('sameAsCollector', '审核人不能是本数据的校核人 / the approver cannot be the checker of this data');
    }
  }
  return { ok: true, action: ACTION_OF_ROLE[request.role] };
}

export type SheetStatus = 'notSigned' | 'collected' | 'checked' | 'approved' | 'changedAfterSigning';

/** Where a dataset stands: the furthest sign-off on the current digest, or changed since the last one. */
export function signStatus(events: readonly AuditEvent[], currentDigest: string): SheetStatus {
  const signOffs = events.filter((e) => e.action === '采集完成' || e.action === '校核通过' || e.action === '审核通过');
  if (signOffs.length === 0) return 'notSigned';
  if (signOffs[signOffs.length - 1].datasetDigest !== currentDigest) return 'changedAfterSigning';
  if (latestOn(events, '审核通过', currentDigest)) return 'approved';
  if (latestOn(events, '校核通过', currentDigest)) return 'checked';
  return 'collected';
}
