import type { FromWorker, ToWorker } from '../validation/protocol';
import { createWorkerHandler } from '../validation/workerHandler';

type Listener = (event: { data: FromWorker }) => void;

/** A Worker stand-in that runs the worker's handler in this thread, cloning messages as postMessage does. */
export class FakeWorker {
  static instances: FakeWorker[] = [];
  readonly received: ToWorker[] = [];
  terminated = false;
  private listeners = new Set<Listener>();
  private readonly handle = createWorkerHandler((message) => {
    if (this.terminated) return;
    const copy = structuredClone(message);
    setTimeout(() => !this.terminated && this.listeners.forEach((listener) => listener({ data: copy })), 0);
  });

  constructor() {
    FakeWorker.instances.push(this);
  }

  postMessage(message: ToWorker): void {
    if (this.terminated) return;
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => !this.terminated && this.handle(copy), 0);
  }

  addEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.delete(listener);
  }

  terminate(): void {
    this.terminated = true;
  }

  asWorker(): Worker {
    return this as unknown as Worker;
  }
}
