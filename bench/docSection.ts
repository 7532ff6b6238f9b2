import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.join(__dirname, '..', 'docs', 'performance.md');

/**
 * Writes `section` (which starts with `\n## heading`) into docs/performance.md in place of the section of the same
 * heading, up to the next `## ` heading; appends it when the file has none. The other benchmarks' sections stay.
 */
export function replacePerformanceSection(heading: string, section: string): void {
  const current = readFileSync(FILE, 'utf8');
  const start = current.indexOf(`\n## ${heading}`);
  const end = start >= 0 ? current.indexOf('\n## ', start + 4) : -1;
  const before = start >= 0 ? current.slice(0, start) : current.replace(/\s*$/, '\n');
  const after = end >= 0 ? current.slice(end) : '';
  writeFileSync(FILE, before + section + after);
}
