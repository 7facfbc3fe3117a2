import type { Policy } from '@gongjian/rules';
import { builder } from '../../builder';
import { ValidationError } from '../../errors';
import { countyPolicy } from '../../policy';
import { countyToday } from './task';

const ResponsibilityLevel = builder
  .objectRef<{ id: string; labelZh: string; labelEn: string; index: number }>('ResponsibilityLevel')
  .implement({
    description: '责任层级 (one level of the configurable six-level list, top first)',
    fields: (t) => ({
      id: t.exposeString('id', { description: '层级代码' }),
      labelZh: t.exposeString('labelZh', { description: '中文名称' }),
      labelEn: t.exposeString('labelEn', { description: 'English name' }),
      index: t.exposeInt('index', { description: '序号 (0 = the top)' }),
    }),
  });

builder.queryFields((t) => ({
  responsibilityLevels: t.field({
    type: [ResponsibilityLevel],
    description: '六级责任清单的层级 (configured for your county and this year)',
    resolve: async (_root, _args, ctx) => {
      const policy = await countyPolicy(
        ctx.db,
        ctx.viewer?.countyId ?? -1,
        Number(countyToday().slice(0, 4)),
      );
      return policy.get('responsibility.levels').map((level, index) => ({ ...level, index }));
    },
  }),
}));

export function checkLevel(policy: Policy, level: string, field: string) {
  if (!policy.get('responsibility.levels').some((l) => l.id === level))
    throw ValidationError.field(field, '不是已配置的责任层级');
}

export const policyYear = () => Number(countyToday().slice(0, 4));
