import type { CalendarDate } from '../calendar';

/**
 * 居民身份证号 (GB 11643-1999): 6-digit area code (GB/T 2260), 8-digit birth date, 3-digit sequence (odd for men,
 * even for women) and a check character computed from the first 17 with the ISO 7064 MOD 11-2 weights.
 *
 * The area code is checked at province level only: a number keeps the code of the county where it was first
 * issued, and counties have been merged and renumbered since, so a list of today's county codes would refuse
 * people who hold valid numbers (docs/decisions/0015-birth-dates-and-id-numbers.md).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** GB/T 2260 province-level codes; 81/82/83 are the residence permits of Hong Kong, Macao and Taiwan residents. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);
const RESIDENCE_PERMIT_PROVINCES = new Set(['81', '82', '83']);

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export interface ParsedIdNumber {
  idNumber: string;
  birthDate: CalendarDate;
  sex: 'MALE' | 'FEMALE';
}

export type IdNumberRuleId =
  | 'ID_NUMBER.FORMAT'
  | 'ID_NUMBER.AREA_CODE'
  | 'ID_NUMBER.BIRTH_DATE'
  | 'ID_NUMBER.FUTURE_BIRTH_DATE'
  | 'ID_NUMBER.CHECK_CHARACTER';

export interface IdNumberRefusal {
  ruleId: IdNumberRuleId;
  /** The reason in Chinese, for the clerk. */
  error: string;
  en: string;
}

const refuse = (ruleId: IdNumberRuleId, error: string, en: string): IdNumberRefusal => ({
  ruleId,
  error,
  en,
});

function areaCodeRefusal(areaCode: string): IdNumberRefusal | null {
  const province = areaCode.slice(0, 2);
  const belowProvince = areaCode.slice(2);
  const known =
    PROVINCE_CODES.has(province) &&
    (RESIDENCE_PERMIT_PROVINCES.has(province) ? belowProvince === '0000' : belowProvince !== '0000');
  if (known) return null;
  return refuse(
    'ID_NUMBER.AREA_CODE',
    `身份证号的地址码 ${areaCode} 不是有效的行政区划代码 (GB/T 2260)`,
    `Area code ${areaCode} is not a valid division code (GB/T 2260)`,
  );
}

const birthDateOf = (idNumber: string): CalendarDate =>
  `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;

function birthDateRefusal(idNumber: string, today: CalendarDate): IdNumberRefusal | null {
  const [year, month, day] = birthDateOf(idNumber).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const birthDate = birthDateOf(idNumber);
  if (birthDate < EARLIEST_BIRTH_DATE || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return refuse(
      'ID_NUMBER.BIRTH_DATE',
      '身份证号中的出生日期无效',
      'The birth date in the ID number does not exist',
    );
  if (birthDate > today)
    return refuse(
      'ID_NUMBER.FUTURE_BIRTH_DATE',
      '身份证号中的出生日期晚于今天',
      'The birth date in the ID number is after today',
    );
  return null;
}

/** The ID number normalised (upper-case X), or the rule it breaks with the reason. `today` is the county's day. */
export function parseIdNumber(raw: string, today: CalendarDate): ParsedIdNumber | IdNumberRefusal {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber))
    return refuse(
      'ID_NUMBER.FORMAT',
      '身份证号应为18位, 前17位为数字, 末位为数字或X',
      'An ID number has 18 characters: 17 digits and a digit or X',
    );
  const refusal =
    areaCodeRefusal(idNumber.slice(0, 6)) ??
    birthDateRefusal(idNumber, today) ??
    (idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17]
      ? null
      : refuse(
          'ID_NUMBER.CHECK_CHARACTER',
          '身份证号校验码错误 (GB 11643)',
          'Wrong check character (GB 11643)',
        ));
  if (refusal) return refusal;
  return {
    idNumber,
    birthDate: birthDateOf(idNumber),
    sex: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}
