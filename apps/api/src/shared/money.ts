import { formatWanYuan, formatYuan, wanYuan, yuan } from '@gongjian/rules';
import { z } from 'zod';

/** Money crosses the API as decimal yuan strings ("12345.67") and is stored as integer fen. */
export const yuanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, '金额应为不小于0的元, 最多两位小数')
  .transform((value) => yuan(value));

export const fenToYuan = (fen: number) => formatYuan(fen);

/** County fund amounts reach billions of yuan: up to 12 digits of yuan (10^14 fen, well inside 2^53). */
const fundYuanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, '金额应为不小于0的元, 最多两位小数 (不能小于1分)')
  .transform((value) => yuan(value));

const fundWanYuanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,6})?$/, '金额应为不小于0的万元, 最多六位小数 (不能小于1分)')
  .transform((value) => wanYuan(value));

/** An amount entered in 元 or in 万元 (exactly one of the two), as integer fen greater than zero. */
export const enteredAmountSchema = z
  .object({
    amountYuan: fundYuanSchema.nullish(),
    amountWanYuan: fundWanYuanSchema.nullish(),
  })
  .transform((value, context) => {
    const given = [value.amountYuan, value.amountWanYuan].filter((fen) => fen != null);
    if (given.length !== 1) {
      context.addIssue({ code: 'custom', path: ['amountYuan'], message: '请填写金额 (元或万元, 二选一)' });
      return z.NEVER;
    }
    if (given[0]! <= 0) {
      context.addIssue({ code: 'custom', path: ['amountYuan'], message: '金额应大于0' });
      return z.NEVER;
    }
    return given[0]!;
  });

export const fenToWanYuan = (fen: number) => formatWanYuan(fen);
