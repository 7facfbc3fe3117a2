import {
  checkTaskLevel,
  type Policy,
  type RegionRank,
  type ResponsibilityLevel as ResponsibilityLevelEntry,
} from '@gongjian/rules';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { countyPolicy } from '../../policy';
import { refuseUnless } from '../../spine/decide';
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

const rankOf = (level: string): RegionRank =>
  level === 'TOWNSHIP' ? 'TOWNSHIP' : level === 'VILLAGE' || level === 'GROUP' ? 'VILLAGE' : 'COUNTY';

/** A level of the county's configured list, else VALIDATION naming the field. */
export function configuredLevel(policy: Policy, levelId: string, field: string): ResponsibilityLevelEntry {
  const level = policy.get('responsibility.levels').find((l) => l.id === levelId);
  if (!level) throw ValidationError.field(field, '不是已配置的责任层级');
  return level;
}

/** The rules' check of a level's tier against whoever sets the task and the region it sits in. */
export function checkLevelTier(
  ctx: Context,
  level: ResponsibilityLevelEntry,
  region: { level: string; name: string },
) {
  const setter = rankOf(ctx.viewer?.jurisdictionLevel ?? 'VILLAGE');
  refuseUnless(checkTaskLevel(level, { rank: rankOf(region.level), name: region.name }, setter));
}

export function checkLevel(
  ctx: Context,
  policy: Policy,
  levelId: string,
  region: { level: string; name: string },
  field: string,
) {
  checkLevelTier(ctx, configuredLevel(policy, levelId, field), region);
}

export const policyYear = () => Number(countyToday().slice(0, 4));
