/**
 * Creates the validation worker. Only the webpack entries import this file: webpack turns
 * `new Worker(new URL(…, import.meta.url))` into a separate chunk. (jest never loads it; tests use the inline runner.)
 */
export function createValidationWorker(): Worker {
  // @ts-expect-error -- import.meta is resolved by webpack; the project's tsconfig targets CommonJS for jest and the CLI
  return new Worker(new URL('./validation.worker.ts', import.meta.url), { name: 'degree-data-validation' });
}
