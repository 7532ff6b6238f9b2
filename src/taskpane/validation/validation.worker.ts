/** The validation worker: the engine runs here so the pane's thread never blocks (see workerHandler.ts). */
import type { FromWorker, ToWorker } from './protocol';
import { createWorkerHandler } from './workerHandler';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
