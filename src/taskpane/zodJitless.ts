/**
 * The pane's Content-Security-Policy allows no eval, so zod must not probe for it (the probe is a blocked
 * `new Function` reported as a CSP violation; its JIT would be refused anyway). Imported first by the entry so
 * it runs before any module builds or parses a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
