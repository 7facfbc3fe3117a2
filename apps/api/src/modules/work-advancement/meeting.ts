import { meetingDecisions, meetings, tasks } from '@gongjian/db/schema';
import { and, eq, gte, ilike, lte } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { countyOfViewer } from '../../spine/load';
import { audited, reread, writeAudited } from '../../spine/write';

export const MeetingTypeEnum = builder.enumType('MeetingType', {
  description: '会议类型',
  values: {
    COUNTY_STANDING_COMMITTEE: { description: '县委常委会' },
    GOVERNMENT_EXECUTIVE: { description: '县政府常务会' },
    LEADING_GROUP: { description: '扶贫开发领导小组会' },
    COUNTY_CONFERENCE: { description: '全县扶贫工作大会' },
    OTHER: { description: '其他会议' },
  },
});

export const MeetingDecision = builder.drizzleNode('meetingDecisions', {
  name: 'MeetingDecision',
  description: '会议决定事项 (one decision of a meeting; decisions become tasks)',
  id: { column: (d) => d.id },
  authScopes: (decision) => ({ regionVisible: decision.regionPath }),
  fields: (t) => ({
    sequence: t.exposeInt('sequence', { description: '序号' }),
    content: t.exposeString('content', { description: '决定内容' }),
    meeting: t.relation('meeting', { description: '所属会议' }),
    taskCount: t.relatedCount('tasks', {
      description: '据此下达的任务数 (inside your jurisdiction)',
      where: (_args, ctx) => inJurisdiction(tasks.regionPath, ctx.viewer),
    }),
  }),
});

export const Meeting = builder.drizzleNode('meetings', {
  name: 'Meeting',
  description: '会议 (a meeting: type, date, topic, attendees, decisions)',
  id: { column: (m) => m.id },
  authScopes: (meeting) => ({ regionVisible: meeting.regionPath }),
  fields: (t) => ({
    type: t.expose('type', { type: MeetingTypeEnum, description: '会议类型' }),
    heldOn: t.expose('heldOn', { type: 'Date', description: '召开日期' }),
    topic: t.exposeString('topic', { description: '议题' }),
    attendees: t.exposeStringList('attendees', { description: '出席 (as the minutes name them)' }),
    decisions: t.relation('decisions', {
      type: MeetingDecision,
      description: '决定事项',
      query: { orderBy: { sequence: 'asc' } },
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

export interface MeetingListArgs {
  type?: (typeof meetings.$inferSelect)['type'] | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
}

export function meetingListFilter(table: typeof meetings, ctx: Context, args: MeetingListArgs) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    visibleUpOrDown(table.regionPath, ctx.viewer),
    args.type ? eq(table.type, args.type) : undefined,
    args.from ? gte(table.heldOn, args.from) : undefined,
    args.to ? lte(table.heldOn, args.to) : undefined,
    term ? ilike(table.topic, `%${term}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
  meetings: t.drizzleConnection({
    type: 'meetings',
    description: '会议列表 (newest first; filter by type, date range and topic)',
    args: {
      type: t.arg({ type: MeetingTypeEnum, required: false }),
      from: t.arg({ type: 'Date', required: false, description: '起始日期 (inclusive)' }),
      to: t.arg({ type: 'Date', required: false, description: '截止日期 (inclusive)' }),
      search: t.arg.string({ required: false, description: '按议题搜索' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(meetings, meetingListFilter(meetings, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.meetings.findMany(
        query({
          where: { RAW: (table) => meetingListFilter(table, ctx, args) },
          orderBy: { heldOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

export const MeetingSchema = z.object({
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

builder.mutationFields((t) => ({
  createMeeting: t.drizzleField({
    type: Meeting,
    description: '登记会议及其决定事项',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateMeetingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyOfViewer(ctx);
      const { decisions, ...values } = validate(MeetingSchema, input);
      const id = await writeAudited(ctx, async (tx) => {
        const [meeting] = await tx
          .insert(meetings)
          .values({ ...tenant, ...values })
          .returning();
        const rows = decisions.map((content, index) => ({
          ...tenant,
          meetingId: meeting!.id,
          sequence: index + 1,
          content,
        }));
        const created = rows.length ? await tx.insert(meetingDecisions).values(rows).returning() : [];
        return audited('Meeting', 'meeting.create', meeting!, { after: { ...meeting, decisions: created } });
      });
      return reread(ctx.db.query.meetings.findFirst(query({ where: { id } })), '会议', id);
    },
  }),
}));
