/**
 * For each text, the index of the first earlier text equal to it, or -1 for a first occurrence ('' is never
 * matched). Linear in the number of texts.
 *
 * This is what a Map from text to first index gives, at a fraction of its cost on the tens of thousands of ID and
 * certificate numbers of a sheet: V8's Map slows down once its table outgrows the processor's caches, while this
 * table holds 32-bit indexes in one typed array (a quarter of a megabyte for 50,000 texts).
 */
export function firstOccurrences(texts: readonly string[]): Int32Array {
  const first = new Int32Array(texts.length).fill(-1);
  let capacity = 16;
  while (capacity < texts.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text === '') continue;
    let slot = fnv1a32(text) & mask;
    for (;;) {
      const held = slots[slot];
      if (held === -1) {
        slots[slot] = i;
        break;
      }
      if (texts[held] === text) {
        first[i] = held;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return first;
}

/** 32-bit FNV-1a over UTF-16 code units: spreads the digits of similar ID numbers well over the table. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
