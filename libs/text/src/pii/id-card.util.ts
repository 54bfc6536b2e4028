const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/**
 * Whether an 18-character resident ID number (GB 11643) is well formed: 17 digits, a date of birth
 * that exists, is not in the future and not before 1900, and the ISO 7064 MOD 11-2 check character (X for 10).
 */
export function isValidResidentIdNumber(id: string, today: Date = new Date()): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  if (birth.getTime() > today.getTime()) return false;
  let sum = 0;
  for (let k = 0; k < 17; k += 1) sum += (id.charCodeAt(k) - 0x30) * WEIGHTS[k];
  return CHECK_CHARACTERS[sum % 11] === id[17].toUpperCase();
}
