/** Excel's 1900 date system: serial 1 = 1900-01-01, with the phantom 1900-02-29 at serial 60. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** YYYYMMDD for an Excel date serial, or undefined when the number cannot be a date. */
export function fromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const date = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return formatDate(date);
}

export function toExcelSerial(yyyymmdd: string): number {
  const ms = Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));
  return Math.round((ms - EPOCH_MS) / DAY_MS);
}

export function formatDate(date: Date): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${y}${m < 10 ? '0' : ''}${m}${d < 10 ? '0' : ''}${d}`;
}

/** A number format that shows a date: has y, m or d outside quotes and brackets, and is not a plain number or text. */
export function looksLikeDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymd]/i.test(bare) || /[年月日]/.test(format);
}
