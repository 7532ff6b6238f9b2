/**
 * Test material for the export: sign-off chains built with the real audit core, and tiny JPEG files whose header
 * says what size they are. Fictional people only (see fixtures.ts).
 */
import { nextEvent } from '../audit/chain';
import type { AuditAction, AuditEvent, Role } from '../audit/events';

export interface SignerSpec {
  actor: string;
  actorId?: string;
  action: AuditAction;
  /** Defaults to the digest given to signChain. */
  digest?: string;
  note?: string;
}

const ROLE_OF: Partial<Record<AuditAction, Role>> = { 采集完成: 'collector', 校核通过: 'checker', 审核通过: 'office', 退回: 'checker' };

/** A valid chain of sign-offs on `digest`, one minute apart from 2026-06-25 09:00 China time. */
export function signChain(digest: string, signers: readonly SignerSpec[], start: AuditEvent[] = []): AuditEvent[] {
  const events = [...start];
  signers.forEach((signer, i) => {
    events.push(
      nextEvent(
        events,
        {
          actor: signer.actor,
          actorId: signer.actorId ?? '',
          role: ROLE_OF[signer.action] ?? 'office',
          action: signer.action,
          scope: '学位授予信息!2:4',
          datasetDigest: signer.digest ?? digest,
          rulesVersion: 'test',
          addinVersion: 'test',
          note: signer.note ?? '',
        },
        new Date(Date.UTC(2026, 5, 25, 1, events.length + i)),
      ),
    );
  });
  return events;
}

/** The usual sign-off: 张老师 collects, 李老师 checks. */
export const COLLECT_AND_CHECK: readonly SignerSpec[] = [
  { actor: '张老师', actorId: 'T001', action: '采集完成' },
  { actor: '李老师', actorId: 'T002', action: '校核通过' },
];

/**
 * A minimal baseline JPEG: SOI, a JFIF APP0 segment, an SOF0 frame header with the given size, filler bytes up to
 * `totalBytes`, EOI. Image readers that look for the frame header (as image-size does) read its size.
 */
export function tinyJpeg(width: number, height: number, totalBytes = 400): Uint8Array {
  const head = [
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03,
    0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
  ];
  const bytes = new Uint8Array(Math.max(totalBytes, head.length + 2));
  bytes.set(head, 0);
  bytes[bytes.length - 2] = 0xff;
  bytes[bytes.length - 1] = 0xd9;
  return bytes;
}

/** The first bytes of a PNG file: a picture, but not a JPEG. */
export function pngBytes(): Uint8Array {
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 150, 0, 0, 0, 210]);
}
