import { z } from 'zod';
import { ValidationError } from '../errors';

// Validation messages in Chinese, the console's language.
z.config(z.locales.zhCN());

/** Validates input with a zod schema; on failure throws a ValidationError naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
    })),
  );
}

/** Trimmed text between `min` and `max` characters. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? '不能为空' : `至少${min}个字`)
    .max(max, `不能超过${max}个字`);
