/**
 * 居民身份证号 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd for men, even
 * for women) and a check character computed from the first 17 with the ISO 7064 MOD 11-2 weights.
 * The rules package has no ID-number rule yet, so it lives here.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export interface ParsedIdNumber {
  idNumber: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
}

/** The ID number normalised (upper-case X), or the reason it is not valid, in Chinese. */
export function parseIdNumber(raw: string): ParsedIdNumber | { error: string } {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { error: '身份证号应为18位, 前17位为数字, 末位为数字或X' };
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { error: '身份证号中的出生日期无效' };
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17])
    return { error: '身份证号校验码错误 (GB 11643)' };
  return {
    idNumber,
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    sex: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}
