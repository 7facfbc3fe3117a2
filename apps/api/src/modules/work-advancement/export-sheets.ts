import { meetingType } from '@gongjian/db/schema';
import { z } from 'zod';
import { column as col, type ExportSheet, exportSheet, param } from '../../shared/excel-export';
import { type MeetingListArgs, meetingListFilter } from './meeting';

const TYPE_ZH = {
  COUNTY_STANDING_COMMITTEE: '县委常委会',
  GOVERNMENT_EXECUTIVE: '县政府常务会',
  LEADING_GROUP: '扶贫开发领导小组会',
  COUNTY_CONFERENCE: '全县扶贫工作大会',
  OTHER: '其他会议',
} as const;

/** The meeting list as Excel (GET /export/meetings): withdrawn meetings stay, marked 已撤回. */
export const WORK_ADVANCEMENT_SHEETS: Record<string, ExportSheet> = {
  meetings: exportSheet({
    title: '会议记录',
    columns: [
      col('召开日期', 'heldOn', 12),
      col('会议类型', 'type', 18),
      col('议题', 'topic', 40),
      col('出席', 'attendees', 30),
      col('决定事项', 'decisions', 60),
      col('状态', 'state', 10),
      col('撤回日期', 'withdrawnOn', 12),
      col('撤回理由', 'withdrawnReason', 30),
      col('撤回人', 'withdrawnBy', 12),
    ],
    filter: z.object({
      type: param.choice(meetingType.enumValues),
      from: param.day,
      to: param.day,
      search: param.search,
    }),
    rows: async (ctx, args: MeetingListArgs, offset, limit) => {
      const rows = await ctx.db.query.meetings.findMany({
        where: { RAW: (t) => meetingListFilter(t, ctx, args) },
        with: { decisions: { columns: { sequence: true, content: true }, orderBy: { sequence: 'asc' } } },
        orderBy: { heldOn: 'desc', id: 'desc' },
        offset,
        limit,
      });
      return rows.map((m) => ({
        heldOn: m.heldOn,
        type: TYPE_ZH[m.type],
        topic: m.topic,
        attendees: m.attendees.join('、'),
        decisions: m.decisions.map((d) => `${d.sequence}. ${d.content}`).join('\n'),
        state: m.withdrawnOn ? '已撤回' : '有效',
        withdrawnOn: m.withdrawnOn,
        withdrawnReason: m.withdrawnReason,
        withdrawnBy: m.withdrawnByName,
      }));
    },
  }),
};
