import { formatYuan, yuan } from '@gongjian/rules';
import { z } from 'zod';

/** Money crosses the API as decimal yuan strings ("12345.67") and is stored as integer fen. */
export const yuanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, '金额应为不小于0的元, 最多两位小数')
  .transform((value) => yuan(value));

export const fenToYuan = (fen: number) => formatYuan(fen);
