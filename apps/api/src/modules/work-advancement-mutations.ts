import { meetingDecisions, meetings, policyDocuments, resolutions } from '@gongjian/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit';
import { insideJurisdiction } from '../auth/jurisdiction';
import { builder } from '../builder';
import type { Context } from '../context';
import { ForbiddenError, RuleViolationError, ValidationError } from '../errors';
import { validate, WRITE_ERRORS } from './common';
import {
  Meeting,
  MeetingTypeEnum,
  PolicyDocument,
  PolicyDocumentKindEnum,
  Resolution,
} from './work-advancement';

/** Recording meetings (with their decisions), resolutions and policy documents: county-level records. */

const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? '不能为空' : `至少${min}个字`)
    .max(max, `不能超过${max}个字`);

const MeetingSchema = z.object({
  type: z.enum([
    'COUNTY_STANDING_COMMITTEE',
    'GOVERNMENT_EXECUTIVE',
    'LEADING_GROUP',
    'COUNTY_CONFERENCE',
    'OTHER',
  ]),
  heldOn: z.string(),
  topic: text(200, 2),
  attendees: z.array(text(100)).max(100),
  decisions: z.array(text(1000, 2)).max(50),
});

const ResolutionSchema = z.object({
  issuingBody: text(100, 2),
  adoptedOn: z.string(),
  title: text(200, 2),
  summary: text(2000).nullable(),
});

const DocumentSchema = z.object({
  kind: z.enum(['MASTER', 'THEMATIC', 'DEPARTMENT']),
  documentNumber: text(60, 2),
  title: text(200, 2),
  issuer: text(200, 2),
  issuedOn: z.string(),
  supersedesId: z.number().int().nullable(),
});

const CreateMeetingInput = builder.inputType('CreateMeetingInput', {
  description: '登记会议 (with its decisions, which can then become tasks)',
  fields: (t) => ({
    type: t.field({ type: MeetingTypeEnum, required: true }),
    heldOn: t.field({ type: 'Date', required: true, description: '召开日期' }),
    topic: t.string({ required: true, description: '议题' }),
    attendees: t.stringList({ required: true, description: '出席' }),
    decisions: t.stringList({ required: true, description: '决定事项 (in order)' }),
  }),
});

const CreateResolutionInput = builder.inputType('CreateResolutionInput', {
  description: '登记决议',
  fields: (t) => ({
    issuingBody: t.string({ required: true, description: '作出机关' }),
    adoptedOn: t.field({ type: 'Date', required: true, description: '通过日期' }),
    title: t.string({ required: true, description: '标题' }),
    summary: t.string({ required: false, description: '要点' }),
  }),
});

const CreatePolicyDocumentInput = builder.inputType('CreatePolicyDocumentInput', {
  description: '登记政策文件 (optionally replacing one in force, which becomes SUPERSEDED)',
  fields: (t) => ({
    kind: t.field({ type: PolicyDocumentKindEnum, required: true }),
    documentNumber: t.string({ required: true, description: '文号 (unique in the county)' }),
    title: t.string({ required: true, description: '标题' }),
    issuer: t.string({ required: true, description: '发文机关' }),
    issuedOn: t.field({ type: 'Date', required: true, description: '印发日期' }),
    supersedesId: t.globalID({ required: false, for: [PolicyDocument], description: '替代的文件' }),
  }),
});

/** County records are kept at the county: the viewer's jurisdiction must be the whole county. */
async function countyOfViewer(ctx: Context) {
  const county = await ctx.db.query.regions.findFirst({ where: { id: ctx.viewer?.countyId ?? -1 } });
  if (!county || ctx.viewer?.regionPath !== county.regionPath)
    throw new ForbiddenError('会议、决议和政策文件由县级登记');
  return { countyId: county.id, regionPath: county.regionPath };
}

function mapDuplicateNumber(error: unknown): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') throw ValidationError.field('documentNumber', '本县已有相同文号的文件');
  throw error;
}

builder.mutationFields((t) => ({
  createMeeting: t.drizzleField({
    type: Meeting,
    description: '登记会议及其决定事项',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateMeetingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(MeetingSchema, input);
      const tenant = await countyOfViewer(ctx);
      const meetingId = await ctx.db.transaction(async (tx) => {
        const [meeting] = await tx
          .insert(meetings)
          .values({
            ...tenant,
            type: values.type,
            heldOn: values.heldOn,
            topic: values.topic,
            attendees: values.attendees,
          })
          .returning();
        const decisions =
          values.decisions.length === 0
            ? []
            : await tx
                .insert(meetingDecisions)
                .values(
                  values.decisions.map((content, index) => ({
                    ...tenant,
                    meetingId: meeting!.id,
                    sequence: index + 1,
                    content,
                  })),
                )
                .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'meeting.create',
          entityType: 'Meeting',
          entityId: meeting!.id,
          regionPath: tenant.regionPath,
          after: { ...meeting, decisions },
        });
        return meeting!.id;
      });
      return (await ctx.db.query.meetings.findFirst(query({ where: { id: meetingId } })))!;
    },
  }),
  createResolution: t.drizzleField({
    type: Resolution,
    description: '登记决议',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateResolutionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(ResolutionSchema, { ...input, summary: input.summary || null });
      const tenant = await countyOfViewer(ctx);
      const resolutionId = await ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(resolutions)
          .values({ ...tenant, ...values })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'resolution.create',
          entityType: 'Resolution',
          entityId: created!.id,
          regionPath: tenant.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.resolutions.findFirst(query({ where: { id: resolutionId } })))!;
    },
  }),
  createPolicyDocument: t.drizzleField({
    type: PolicyDocument,
    description: '登记政策文件 (replacing an in-force one marks it SUPERSEDED in the same transaction)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreatePolicyDocumentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(DocumentSchema, {
        ...input,
        supersedesId: input.supersedesId ? Number(input.supersedesId.id) : null,
      });
      const tenant = await countyOfViewer(ctx);
      if (values.supersedesId !== null) {
        const replaced = await ctx.db.query.policyDocuments.findFirst({ where: { id: values.supersedesId } });
        if (!replaced || !insideJurisdiction(ctx.viewer, replaced.regionPath))
          throw ValidationError.field('supersedesId', '被替代的文件不存在');
      }
      const { supersedesId, ...document } = values;
      const documentId = await ctx.db
        .transaction(async (tx) => {
          const [created] = await tx
            .insert(policyDocuments)
            .values({ ...tenant, ...document })
            .returning();
          if (supersedesId !== null) {
            const [replaced] = await tx
              .update(policyDocuments)
              .set({
                status: 'SUPERSEDED',
                supersededById: created!.id,
                version: sql`${policyDocuments.version} + 1`,
                updatedAt: sql`now()`,
              })
              .where(and(eq(policyDocuments.id, supersedesId), eq(policyDocuments.status, 'IN_FORCE')))
              .returning({ id: policyDocuments.id });
            if (!replaced) throw new RuleViolationError('DOCUMENT.IN_FORCE', '只能替代现行有效的文件');
          }
          await writeAudit(tx, ctx.viewer, {
            action: 'policy-document.create',
            entityType: 'PolicyDocument',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: { ...created, supersedesId },
          });
          return created!.id;
        })
        .catch(mapDuplicateNumber);
      return (await ctx.db.query.policyDocuments.findFirst(query({ where: { id: documentId } })))!;
    },
  }),
}));
