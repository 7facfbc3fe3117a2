import { tasks } from '@gongjian/db/schema';
import { z } from 'zod';
import { regionVisible } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { policyForYear } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { referencedRow } from '../../spine/load';
import { audited, reread, writeAudited } from '../../spine/write';
import { Region, writableRegion } from '../geography/region';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { CombatGroup } from '../work-advancement/command-post';
import { MeetingDecision } from '../work-advancement/meeting';
import { PolicyDocument } from '../work-advancement/policy-document';
import { Resolution } from '../work-advancement/resolution';
import { checkLevel, policyYear } from './responsibility-level';
import {
  assignmentFields,
  checkAssignments,
  optionalId,
  Task,
  TaskSourceKindEnum,
  titleSchema,
} from './task';

/** A top task from its source: a meeting decision, resolution, policy document, or an inspection or audit finding. */

const CreateTaskSchema = z.object({
  title: titleSchema,
  description: z.string().trim().max(2000).nullable(),
  sourceKind: z.enum([
    'MEETING_DECISION',
    'RESOLUTION',
    'POLICY_DOCUMENT',
    'INSPECTION_FINDING',
    'AUDIT_FINDING',
  ]),
  sourceId: z.number().int().nullable(),
  findingReference: z.string().trim().max(200).nullable(),
  combatGroupId: z.number().int().nullable(),
  level: z.string().min(1, '请选择责任层级'),
  ...assignmentFields,
});

const CreateTaskInput = builder.inputType('CreateTaskInput', {
  description:
    '下达任务 (from a meeting decision, resolution, policy document, or an inspection/audit finding)',
  fields: (t) => ({
    title: t.string({ required: true, description: '任务内容' }),
    description: t.string({ required: false, description: '说明' }),
    sourceKind: t.field({ type: TaskSourceKindEnum, required: true, description: '来源类别' }),
    sourceId: t.globalID({
      required: false,
      for: [MeetingDecision, Resolution, PolicyDocument],
      description: '来源 (the decision, resolution or document; matches sourceKind)',
    }),
    findingReference: t.string({ required: false, description: '督查/审计问题出处 (for findings)' }),
    combatGroupId: t.globalID({ required: false, for: [CombatGroup], description: '所属战斗组' }),
    level: t.string({ required: true, description: '责任层级 (a level id of responsibilityLevels)' }),
    regionId: t.globalID({ required: true, for: [Region], description: '所在区划' }),
    responsibleUnitId: t.globalID({ required: false, for: [Unit], description: '责任单位 (required)' }),
    responsiblePersonId: t.globalID({
      required: false,
      for: [Cadre],
      description: '责任人 (a cadre of that unit; required)',
    }),
    deadline: t.field({ type: 'Date', required: false, description: '完成时限 (required)' }),
  }),
});

/** The decision, resolution or document a task comes from: NOT_FOUND naming `sourceId` when missing or unreadable. */
async function loadSource(
  ctx: Context,
  kind: z.output<typeof CreateTaskSchema>['sourceKind'],
  sourceId: number | null,
) {
  if (kind === 'INSPECTION_FINDING' || kind === 'AUDIT_FINDING') return {};
  if (sourceId === null) throw ValidationError.field('sourceId', '请选择任务来源');
  const where = { id: sourceId };
  const row =
    kind === 'MEETING_DECISION'
      ? await ctx.db.query.meetingDecisions.findFirst({ where })
      : kind === 'RESOLUTION'
        ? await ctx.db.query.resolutions.findFirst({ where })
        : await ctx.db.query.policyDocuments.findFirst({ where });
  referencedRow(row && regionVisible(ctx.viewer, row.regionPath) ? row : null, {
    entity: '任务来源',
    argument: 'sourceId',
    id: sourceId,
  });
  if (kind === 'MEETING_DECISION') return { meetingDecisionId: sourceId };
  if (kind === 'RESOLUTION') return { resolutionId: sourceId };
  return { policyDocumentId: sourceId };
}

const SOURCE_TYPES = {
  MEETING_DECISION: 'MeetingDecision',
  RESOLUTION: 'Resolution',
  POLICY_DOCUMENT: 'PolicyDocument',
};

builder.mutationFields((t) => ({
  createTask: t.drizzleField({
    type: Task,
    description: '下达任务 (a top task from a decision, resolution, document or finding)',
    authScopes: { permission: 'task.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateTaskInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const region = await writableRegion(ctx, Number(input.regionId.id), 'regionId');
      const values = validate(CreateTaskSchema, {
        ...input,
        description: input.description ?? null,
        sourceId: optionalId(input.sourceId),
        findingReference: input.findingReference ?? null,
        combatGroupId: optionalId(input.combatGroupId),
        responsibleUnitId: optionalId(input.responsibleUnitId) ?? undefined,
        responsiblePersonId: optionalId(input.responsiblePersonId) ?? undefined,
        deadline: input.deadline ?? undefined,
      });
      const sourceTypename = input.sourceId?.typename;
      if (sourceTypename && SOURCE_TYPES[values.sourceKind as keyof typeof SOURCE_TYPES] !== sourceTypename)
        throw ValidationError.field('sourceId', '来源与来源类别不符');
      if (['INSPECTION_FINDING', 'AUDIT_FINDING'].includes(values.sourceKind) && !values.findingReference)
        throw ValidationError.field('findingReference', '请填写问题出处');
      checkLevel(ctx, policyForYear(policyYear(), region.code), values.level, region, 'level');
      await checkAssignments(ctx.db, ctx, [values], () => '');
      const source = await loadSource(ctx, values.sourceKind, values.sourceId);
      const { level, sourceId: _sourceId, ...fields } = values;
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(tasks)
          .values({
            ...fields,
            ...source,
            levelId: level,
            countyId: region.countyId!,
            regionPath: region.regionPath,
            regionId: region.id,
          })
          .returning();
        return audited('Task', 'task.create', created!, { after: created });
      });
      return reread(ctx.db.query.tasks.findFirst(query({ where: { id } })), '任务', id);
    },
  }),
}));
