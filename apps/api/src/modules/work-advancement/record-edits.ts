import { meetingDecisions, meetings, policyDocuments, resolutions } from '@gongjian/db/schema';
import { canChangeRecord } from '@gongjian/rules';
import { z } from 'zod';
import { builder } from '../../builder';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { writableRow } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Meeting, MeetingDecision, MeetingSchema, MeetingTypeEnum } from './meeting';
import {
  DocumentSchema,
  mapDuplicateNumber,
  PolicyDocument,
  PolicyDocumentKindEnum,
} from './policy-document';
import { Resolution, ResolutionSchema } from './resolution';

/**
 * Edits of meetings (and their decisions), resolutions and policy documents, version-guarded, the audit
 * keeping the record before and after; a withdrawn record is not edited (rule RECORD.WITHDRAWN).
 */

const version = z.number().int().min(1);

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<T, K>;
}

const UpdateMeetingInput = builder.inputType('UpdateMeetingInput', {
  description: '修改会议',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Meeting] }),
    version: t.int({ required: true }),
    type: t.field({ type: MeetingTypeEnum, required: true }),
    heldOn: t.field({ type: 'Date', required: true, description: '召开日期' }),
    topic: t.string({ required: true, description: '议题' }),
    attendees: t.stringList({ required: true, description: '出席' }),
  }),
});

const UpdateMeetingDecisionInput = builder.inputType('UpdateMeetingDecisionInput', {
  description: '修改会议决定事项的内容',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [MeetingDecision] }),
    version: t.int({ required: true }),
    content: t.string({ required: true, description: '决定内容' }),
  }),
});

const UpdateResolutionInput = builder.inputType('UpdateResolutionInput', {
  description: '修改决议',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Resolution] }),
    version: t.int({ required: true }),
    issuingBody: t.string({ required: true, description: '作出机关' }),
    adoptedOn: t.field({ type: 'Date', required: true, description: '通过日期' }),
    title: t.string({ required: true, description: '标题' }),
    summary: t.string({ required: false, description: '要点' }),
  }),
});

const UpdatePolicyDocumentInput = builder.inputType('UpdatePolicyDocumentInput', {
  description: '修改政策文件',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [PolicyDocument] }),
    version: t.int({ required: true }),
    kind: t.field({ type: PolicyDocumentKindEnum, required: true }),
    documentNumber: t.string({ required: true, description: '文号' }),
    title: t.string({ required: true, description: '标题' }),
    issuer: t.string({ required: true, description: '发文机关' }),
    issuedOn: t.field({ type: 'Date', required: true, description: '印发日期' }),
  }),
});

const MeetingFields = MeetingSchema.omit({ decisions: true });
const MEETING_KEYS = ['type', 'heldOn', 'topic', 'attendees'] as const;
const RESOLUTION_KEYS = ['issuingBody', 'adoptedOn', 'title', 'summary'] as const;
const DOCUMENT_KEYS = ['kind', 'documentNumber', 'title', 'issuer', 'issuedOn'] as const;

builder.mutationFields((t) => ({
  updateMeeting: t.drizzleField({
    type: Meeting,
    description: '修改会议 (the audit keeps before and after; rule RECORD.WITHDRAWN)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateMeetingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const row = writableRow(ctx, await ctx.db.query.meetings.findFirst({ where: { id } }), {
        entity: '会议',
        argument: 'id',
        id,
      });
      const values = validate(MeetingFields, input);
      refuseUnless(canChangeRecord(row, 'EDIT'));
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          meetings,
          { id, version: validate(version, input.version), entity: '会议' },
          values,
        );
        return audited('Meeting', 'meeting.update', row, { before: pick(row, MEETING_KEYS), after: values });
      });
      return reread(ctx.db.query.meetings.findFirst(query({ where: { id } })), '会议', id);
    },
  }),
  updateMeetingDecision: t.drizzleField({
    type: MeetingDecision,
    description: '修改会议决定事项 (not of a withdrawn meeting; the audit keeps before and after)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateMeetingDecisionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const row = writableRow(
        ctx,
        await ctx.db.query.meetingDecisions.findFirst({
          where: { id },
          with: { meeting: { columns: { withdrawnOn: true } } },
        }),
        { entity: '决定事项', argument: 'id', id },
      );
      const content = validate(text(1000, 2), input.content);
      refuseUnless(canChangeRecord(row.meeting, 'EDIT'));
      await writeAudited(ctx, async (tx) => {
        const guard = { id, version: validate(version, input.version), entity: '决定事项' };
        await updateAtVersion(tx, meetingDecisions, guard, { content });
        return audited('MeetingDecision', 'meeting-decision.update', row, {
          before: { content: row.content },
          after: { content },
        });
      });
      return reread(ctx.db.query.meetingDecisions.findFirst(query({ where: { id } })), '决定事项', id);
    },
  }),
  updateResolution: t.drizzleField({
    type: Resolution,
    description: '修改决议 (the audit keeps before and after; rule RECORD.WITHDRAWN)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateResolutionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const row = writableRow(ctx, await ctx.db.query.resolutions.findFirst({ where: { id } }), {
        entity: '决议',
        argument: 'id',
        id,
      });
      const values = validate(ResolutionSchema, { ...input, summary: input.summary || null });
      refuseUnless(canChangeRecord(row, 'EDIT'));
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          resolutions,
          { id, version: validate(version, input.version), entity: '决议' },
          values,
        );
        return audited('Resolution', 'resolution.update', row, {
          before: pick(row, RESOLUTION_KEYS),
          after: values,
        });
      });
      return reread(ctx.db.query.resolutions.findFirst(query({ where: { id } })), '决议', id);
    },
  }),
  updatePolicyDocument: t.drizzleField({
    type: PolicyDocument,
    description: '修改政策文件 (the audit keeps before and after; rule RECORD.WITHDRAWN)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdatePolicyDocumentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const row = writableRow(ctx, await ctx.db.query.policyDocuments.findFirst({ where: { id } }), {
        entity: '政策文件',
        argument: 'id',
        id,
      });
      const values = validate(DocumentSchema, input);
      refuseUnless(canChangeRecord(row, 'EDIT'));
      await writeAudited(ctx, async (tx) => {
        const guard = { id, version: validate(version, input.version), entity: '政策文件' };
        await updateAtVersion(tx, policyDocuments, guard, values);
        return audited('PolicyDocument', 'policy-document.update', row, {
          before: pick(row, DOCUMENT_KEYS),
          after: values,
        });
      }).catch(mapDuplicateNumber);
      return reread(ctx.db.query.policyDocuments.findFirst(query({ where: { id } })), '政策文件', id);
    },
  }),
}));
