/** The result message of a step (sign-off, reconciliation, export, records), rendered by StepNotice. */
export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  /** Message key and its params, rendered in the current language. */
  key: string;
  params?: Record<string, string | number>;
  /** Further lines (a refusal's reasons, the rows concerned). */
  lines?: string[];
}
