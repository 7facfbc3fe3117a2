import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, parseIdNumber } from '../src';

const TODAY = '2026-12-01';
const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);

describe('居民身份证号 (GB 11643): what a clerk may register', () => {
  it('a Jianghua number is read into its birth date and sex, with a lower-case x normalised', () => {
    const man = withCheck('43112919800101001');
    expect(parseIdNumber(man, TODAY)).toEqual({ idNumber: man, birthDate: '1980-01-01', sex: 'MALE' });
    const woman = withCheck('43112920000229002');
    expect(parseIdNumber(` ${woman.toLowerCase()} `, TODAY)).toMatchObject({
      idNumber: woman,
      birthDate: '2000-02-29',
      sex: 'FEMALE',
    });
  });

  it('a child born today may be registered; the day after today may not', () => {
    expect(parseIdNumber(withCheck('43112920261201001'), TODAY)).toMatchObject({ birthDate: TODAY });
    expect(parseIdNumber(withCheck('43112920261202001'), TODAY)).toMatchObject({
      ruleId: 'ID_NUMBER.FUTURE_BIRTH_DATE',
      error: '身份证号中的出生日期晚于今天',
    });
  });

  it.each([
    ['17 digits', '43112919800101001', 'ID_NUMBER.FORMAT'],
    ['a letter inside', '4311291980010100A1', 'ID_NUMBER.FORMAT'],
    ['30 February', withCheck('43112919800230001'), 'ID_NUMBER.BIRTH_DATE'],
    ['29 February of a common year', withCheck('43112919810229001'), 'ID_NUMBER.BIRTH_DATE'],
    ['month 13', withCheck('43112919801301001'), 'ID_NUMBER.BIRTH_DATE'],
    ['born before 1900', withCheck('43112918991231001'), 'ID_NUMBER.BIRTH_DATE'],
    ['province 99 does not exist', withCheck('99112919800101001'), 'ID_NUMBER.AREA_CODE'],
    ['a province code without a county', withCheck('43000019800101001'), 'ID_NUMBER.AREA_CODE'],
    ['a Hong Kong permit with a county part', withCheck('81112919800101001'), 'ID_NUMBER.AREA_CODE'],
    ['a wrong check character', '431129198001010010', 'ID_NUMBER.CHECK_CHARACTER'],
  ])('%s is refused with its rule', (_case, idNumber, ruleId) => {
    const result = parseIdNumber(idNumber, TODAY);
    expect(result).toMatchObject({ ruleId });
    expect('error' in result && result.error.length > 0 && result.en.length > 0).toBe(true);
  });

  it('names the area code it does not know', () => {
    expect(parseIdNumber(withCheck('99112919800101001'), TODAY)).toMatchObject({
      error: '身份证号的地址码 991129 不是有效的行政区划代码 (GB/T 2260)',
    });
  });

  it('the residence permits of Hong Kong, Macao and Taiwan residents (810000, 820000, 830000) are valid', () => {
    for (const area of ['810000', '820000', '830000'])
      expect(parseIdNumber(withCheck(`${area}19800101001`), TODAY)).toMatchObject({
        birthDate: '1980-01-01',
      });
  });
});
