/// <reference types="office-js" />
/** Shared plumbing of the gateway: Excel.run with error mapping, cancellation, byte-budgeted syncs. */
import { GatewayError, errors } from './messages';

/**
 * Excel on the web rejects a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded). The gateway plans each sync to carry at most this many bytes.
 */
export const SYNC_BUDGET_BYTES = 4_000_000;

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw errors.cancelled();
}

export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** Runs a batch in Excel.run; errors other than the gateway's own come back as GatewayError('excel'). */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw errors.excel(error);
  }
}

/**
 * Queues commands against a byte budget and syncs when the next command would not fit, so that a sync
 * never carries more than the budget (unless one command alone is bigger) and commands keep their order.
 */
export class Batcher {
  private bytes = 0;
  private commands = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number = SYNC_BUDGET_BYTES,
    private readonly signal?: AbortSignal,
  ) {}

  /** Makes room for a command of about `bytes`; call before queuing it. */
  async reserve(bytes: number): Promise<void> {
    if (this.commands > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
    this.commands++;
  }

  async flush(): Promise<void> {
    if (this.commands === 0) return;
    throwIfAborted(this.signal);
    this.bytes = 0;
    this.commands = 0;
    this.syncs++;
    await this.context.sync();
  }

  /** A sync the caller needs now (results to read), counted with the others. */
  async sync(): Promise<void> {
    throwIfAborted(this.signal);
    this.bytes = 0;
    this.commands = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** Whether the running Excel supports an ExcelApi requirement set (false outside Office). */
export function supportsExcelApi(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}
