/**
 * What jsdom lacks and the pane uses: TextEncoder/TextDecoder (hashing with @noble/hashes, decoding CSV) and
 * ResizeObserver (Fluent's MessageBar measures itself). Import first in a jsdom test.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

const scope = globalThis as unknown as Record<string, unknown>;
scope.TextEncoder ??= NodeTextEncoder;
scope.TextDecoder ??= NodeTextDecoder;

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
scope.ResizeObserver ??= NoResizeObserver;
