import { assessmentItems, villageAssessments } from '@gongjian/db/schema';
import { checkAssessmentScore, checkScoreSheet } from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { ValidationError } from '../../errors';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { auditedRefusal } from './refusal-audit';
import { oneDecimal, points, scoreTenths, VillageAssessment } from './village-assessment';

/**
 * 县级复核: the county review's score sheet — weighted items (each scored from 0 to its weight, weights adding
 * up to 100) and veto items (一票否决) — replaces the sheet, its total, the veto and the problem count in one
 * guarded write. A refused sheet is itself audited.
 */

builder.drizzleObject('assessmentItems', {
  name: 'AssessmentItem',
  description: '复核评分表项目 (a weighted item, or a veto item)',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '序号' }),
    name: t.exposeString('name', { description: '项目' }),
    weight: t.float({ description: '分值 (0 for a veto item)', resolve: (i) => i.weightTenths / 10 }),
    score: t.float({ description: '得分', resolve: (i) => i.scoreTenths / 10 }),
    veto: t.exposeBoolean('veto', { description: '否决项' }),
    vetoHit: t.exposeBoolean('vetoHit', { description: '触及否决项' }),
  }),
});

const ItemInput = builder.inputType('AssessmentItemInput', {
  description: '评分表项目',
  fields: (t) => ({
    name: t.string({ required: true, description: '项目' }),
    weight: t.float({ required: true, description: '分值 (0 for a veto item)' }),
    score: t.float({ required: true, description: '得分 (0 to the weight)' }),
    veto: t.boolean({ required: false, description: '否决项' }),
    vetoHit: t.boolean({ required: false, description: '触及否决项 (veto items only)' }),
  }),
});

const ReviewInput = builder.inputType('RecordCountyReviewInput', {
  description: '录入县级复核评分表 (replaces an earlier sheet)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [VillageAssessment], description: '核查验收' }),
    version: t.int({ required: true }),
    reviewedOn: t.field({ type: 'Date', required: true, description: '复核日期' }),
    problemCount: t.int({ required: true, description: '发现问题数' }),
    items: t.field({ type: [ItemInput], required: true, description: '评分表' }),
  }),
});

const ReviewSchema = z.object({
  version: z.number().int().min(1, '版本号无效'),
  reviewedOn: z.iso.date('日期格式应为 YYYY-MM-DD'),
  problemCount: z.number().int().min(0, '问题数不能为负').max(999, '问题数过大'),
  items: z
    .array(
      z.object({
        name: text(100, 2),
        weight: oneDecimal,
        score: oneDecimal,
        veto: z.boolean().nullish(),
        vetoHit: z.boolean().nullish(),
      }),
    )
    .min(1, '评分表至少要有一个项目')
    .max(60, '评分表项目过多'),
});

builder.mutationFields((t) => ({
  recordCountyReview: t.drizzleField({
    type: VillageAssessment,
    description:
      '录入县级复核评分表 (ASSESSMENT.ITEM_WEIGHT, ASSESSMENT.WEIGHTS_TOTAL, ASSESSMENT.SCORE_RANGE; refusals audited)',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ReviewInput, required: true }) },
    resolve: (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      return auditedRefusal(
        ctx,
        { action: 'village-assessment.review', entityType: 'VillageAssessment', entityId: id },
        async () => {
          const assessment = writableRow(
            ctx,
            await ctx.db.query.villageAssessments.findFirst({ where: { id } }),
            {
              entity: '核查验收',
              argument: 'id',
              id,
            },
          );
          const values = validate(ReviewSchema, input);
          if (values.reviewedOn > clock.today())
            throw ValidationError.field('reviewedOn', `复核日期不能晚于今天 (${clock.today()})`);
          if (values.reviewedOn < assessment.selfAssessedOn)
            throw ValidationError.field(
              'reviewedOn',
              `复核日期不能早于自评日期 (${assessment.selfAssessedOn})`,
            );
          const items = values.items.map((item) => ({
            name: item.name,
            veto: item.veto ?? false,
            vetoHit: (item.veto ?? false) && (item.vetoHit ?? false),
            weight: item.veto ? 0 : item.weight,
            score: item.veto ? 0 : item.score,
          }));
          if (values.items.some((item) => !item.veto && item.vetoHit))
            throw ValidationError.field('items', '只有否决项可以标记为触及否决项');
          const sheet = checkScoreSheet(items);
          refuseUnless(sheet);
          refuseUnless(checkAssessmentScore('reviewScore', sheet.total));
          const set = {
            reviewScoreTenths: scoreTenths(sheet.total),
            reviewedOn: values.reviewedOn,
            reviewedById: ctx.viewer!.id,
            vetoHit: sheet.vetoHit,
            problemCount: values.problemCount,
          };
          await writeAudited(ctx, async (tx) => {
            await updateAtVersion(
              tx,
              villageAssessments,
              { id, version: values.version, entity: '核查验收' },
              set,
            );
            await tx.delete(assessmentItems).where(eq(assessmentItems.assessmentId, id));
            await tx.insert(assessmentItems).values(
              items.map((item, position) => ({
                countyId: assessment.countyId,
                regionPath: assessment.regionPath,
                assessmentId: id,
                position: position + 1,
                name: item.name,
                weightTenths: scoreTenths(item.weight),
                scoreTenths: scoreTenths(item.score),
                veto: item.veto,
                vetoHit: item.vetoHit,
              })),
            );
            return {
              id,
              audit: {
                action: 'village-assessment.review',
                entityType: 'VillageAssessment',
                entityId: id,
                regionPath: assessment.regionPath,
                before: {
                  reviewScore: points(assessment.reviewScoreTenths),
                  vetoHit: assessment.vetoHit,
                  problemCount: assessment.problemCount,
                },
                after: {
                  reviewScore: sheet.total,
                  vetoHit: sheet.vetoHit,
                  problemCount: values.problemCount,
                  items,
                },
              },
            };
          });
          return reread(ctx.db.query.villageAssessments.findFirst(query({ where: { id } })), '核查验收', id);
        },
      );
    },
  }),
}));
