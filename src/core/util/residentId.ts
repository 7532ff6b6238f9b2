/** GB 11643 resident ID numbers: 6-digit area, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Province-level area codes (first two digits): mainland provinces, 71 台湾, 81 香港, 82 澳门, 83 (居住证). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45',
  '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** Builds a valid 18-character number; for fictional test and example data only. */
export function makeResidentId(area: string, birthDate: string, sequence: number): string {
  const first17 = `${area}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** 1 (男) when the 17th digit is odd, 2 (女) when even. */
export function sexCodeOfResidentId(id: string): '1' | '2' {
  return Number(id[16]) % 2 === 1 ? '1' : '2';
}

export function birthDateOfResidentId(id: string): string {
  return id.slice(6, 14);
}
