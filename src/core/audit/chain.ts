import { canonicalize } from './canonical';
import { ACTION_MEANINGS, chinaTime, type AuditDraft, type AuditEvent } from './events';
import { GENESIS_HASH, sha256Hex } from './hash';

/** entry hash = SHA-256(prevHash + JCS(entry without entryHash)). */
export function entryHashOf(event: Omit<AuditEvent, 'entryHash'>): string {
  return sha256Hex(event.prevHash + canonicalize(event as unknown as Record<string, string | number>));
}

export function headOf(events: readonly AuditEvent[]): string {
  return events.length === 0 ? GENESIS_HASH : events[events.length - 1].entryHash;
}

/** Builds the next event of a chain; the caller appends it as a new row (never rewrites old rows). */
export function nextEvent(events: readonly AuditEvent[], draft: AuditDraft, now: Date = new Date()): AuditEvent {
  const unsigned: Omit<AuditEvent, 'entryHash'> = {
    actor: draft.actor,
    actorId: draft.actorId,
    role: draft.role,
    action: draft.action,
    scope: draft.scope,
    datasetDigest: draft.datasetDigest,
    rulesVersion: draft.rulesVersion,
    addinVersion: draft.addinVersion,
    note: draft.note,
    seq: events.length === 0 ? 1 : events[events.length - 1].seq + 1,
    time: chinaTime(now),
    meaning: draft.meaning ?? ACTION_MEANINGS[draft.action],
    prevHash: headOf(events),
  };
  return { ...unsigned, entryHash: entryHashOf(unsigned) };
}

export type ChainProblemKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'fork'
  | 'headMismatch'
  /** Found by reading the workbook rather than the chain: */
  | 'unreadable'
  | 'unhidden'
  | 'digestsAltered'
  | 'notSigned';

export interface ChainProblem {
  kind: ChainProblemKind;
  seq: number;
  message: string;
}

const bilingual = (zh: string, en: string) => `${zh} / ${en}`;

/**
 * Recomputes the chain and names what was done to it. An edited row no longer matches its own hash; a deleted row
 * leaves a gap in seq; reordered rows stand out of seq order; a forged row duplicates a seq or fails its hash;
 * two valid rows claiming one predecessor are a fork (co-authors signing at once — or a forgery that recomputed
 * its hash), reported, never merged. A chain recomputed from scratch is only caught by an external head.
 */
export function verifyChain(events: readonly AuditEvent[], expectedHead?: string): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const valid = new Set(events.filter((event) => {
    const { entryHash, ...unsigned } = event;
    return entryHashOf(unsigned) === entryHash;
  }));
  const explained = new Set<AuditEvent>();

  const bySeq = new Map<number, AuditEvent[]>();
  for (const event of events) bySeq.set(event.seq, [...(bySeq.get(event.seq) ?? []), event]);
  const predecessorHash = (seq: number): string | undefined => {
    if (seq === 1) return GENESIS_HASH;
    const before = (bySeq.get(seq - 1) ?? []).filter((e) => valid.has(e));
    return before.length === 1 ? before[0].entryHash : undefined;
  };

  for (const [seq, group] of bySeq) {
    if (group.length < 2) continue;
    const allValid = group.every((event) => valid.has(event));
    if (allValid && group.every((event) => event.prevHash === group[0].prevHash)) {
      problems.push({
        kind: 'fork',
        seq,
        message: bilingual(
          `有 ${group.length} 条第 ${seq} 号记录声称同一前序记录：可能是多人同时签核，也可能是伪造的记录，请人工核对`,
          `${group.length} events numbered ${seq} claim the same predecessor: concurrent sign-off or a forged event; check by hand`,
        ),
      });
      group.forEach((event) => explained.add(event));
      continue;
    }
    for (const event of group) {
      if (valid.has(event) && event.prevHash === predecessorHash(seq)) continue;
      problems.push({
        kind: 'inserted',
        seq,
        message: bilingual(`第 ${seq} 号位置插入了伪造的记录`, `a forged event was inserted at number ${seq}`),
      });
      explained.add(event);
    }
  }

  for (let i = 1; i < events.length; i++) {
    if (events[i].seq < events[i - 1].seq) {
      problems.push({
        kind: 'reordered',
        seq: events[i].seq,
        message: bilingual(`第 ${events[i].seq} 号记录被移到了第 ${events[i - 1].seq} 号之后`, `event ${events[i].seq} was moved after event ${events[i - 1].seq}`),
      });
      explained.add(events[i]);
    }
  }

  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  let expected = 1;
  for (const seq of seqs) {
    if (seq > expected) {
      const count = seq - expected;
      problems.push({
        kind: 'deleted',
        seq,
        message: bilingual(`第 ${seq} 号记录之前有 ${count} 条记录被删除`, `${count} event(s) before event ${seq} were deleted`),
      });
      (bySeq.get(seq) ?? []).forEach((event) => explained.add(event));
    }
    expected = seq + 1;
  }

  for (const event of events) {
    if (explained.has(event)) continue;
    const linkBroken = predecessorHash(event.seq) !== undefined && event.prevHash !== predecessorHash(event.seq);
    if (!valid.has(event) || linkBroken) {
      problems.push({
        kind: 'edited',
        seq: event.seq,
        message: bilingual(`第 ${event.seq} 号记录在写入后被修改`, `event ${event.seq} was edited after it was written`),
      });
    }
  }

  if (expectedHead !== undefined && headOf(events) !== expectedHead) {
    problems.push({
      kind: 'headMismatch',
      seq: events.length ? events[events.length - 1].seq : 0,
      message: bilingual(
        '审计链末端哈希与签核单或上报清单上的不一致，审计表可能被整体替换',
        'the chain head differs from the one printed on the sign-off slip or export manifest: the audit sheet may have been replaced',
      ),
    });
  }
  return problems.sort((a, b) => a.seq - b.seq);
}
