/** The add-in's version as the audit events and manifests record it (package.json, bundled at build time). */
import packageJson from '../../package.json';

export { RULES_VERSION } from '../core/rules/catalogue';
export const ADDIN_VERSION: string = (packageJson as { version?: string }).version ?? 'unknown';
