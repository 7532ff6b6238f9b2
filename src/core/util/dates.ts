/** Calendar checks on the template's text dates (YYYYMMDD) and months (YYYYMM). */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian calendar arithmetic: cheaper than a Date per check, and every date field of every row is checked. */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1];
}

/** The number written by `length` ASCII digits at `start`, or -1: no regex, no allocation (called per cell). */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

export function isRealDate(text: string): boolean {
  if (text.length !== 8) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 4, 2);
  const day = digitsAt(text, 6, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isRealMonth(text: string): boolean {
  if (text.length !== 6) return false;
  const month = digitsAt(text, 4, 2);
  return digitsAt(text, 0, 4) >= 1900 && month >= 1 && month <= 12;
}

/** Months from `from` (YYYYMM) to `to` (YYYYMM). */
export function monthsBetween(from: string, to: string): number {
  return (digitsAt(to, 0, 4) - digitsAt(from, 0, 4)) * 12 + (digitsAt(to, 4, 2) - digitsAt(from, 4, 2));
}

/** Today in China (UTC+8) as YYYYMMDD: the date a degree office would write. */
export function todayInChina(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}

/** Reads common hand-typed date spellings (2001-05-03, 2001/5/3, 2001.5.3, 2001年5月3日) as YYYYMMDD. */
export function parseLooseDate(text: string): string | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return undefined;
  const candidate = `${match[1]}${match[2].padStart(2, '0')}${match[3].padStart(2, '0')}`;
  return isRealDate(candidate) ? candidate : undefined;
}

/** Reads 2001-05, 2001/5, 2001.5, 2001年5月 as YYYYMM. */
export function parseLooseMonth(text: string): string | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text.trim());
  if (!match) return undefined;
  const candidate = `${match[1]}${match[2].padStart(2, '0')}`;
  return isRealMonth(candidate) ? candidate : undefined;
}
