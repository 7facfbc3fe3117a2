import { addDays, type CalendarDate } from '@gongjian/rules';
import { asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import { disclosureNotices, noticeObjections, projects } from '../../schema/index';
import type { SeededCounty } from '../demo-step';

/**
 * 公示异议 of the demo: an answered objection to the county plan notice, one to a project now in implementation,
 * and one still open against a project in the library, which holds it at "announced" until it is answered.
 * Fixed choices, no draw from the shared random sequence (the steps after this one keep their data).
 */
export async function seedNoticeObjections(
  db: DbExecutor,
  county: SeededCounty,
  adminId: number | null,
  today: CalendarDate,
) {
  const notices = await db
    .select({
      id: disclosureNotices.id,
      regionPath: disclosureNotices.regionPath,
      subject: disclosureNotices.subject,
      postedOn: disclosureNotices.postedOn,
      state: projects.state,
    })
    .from(disclosureNotices)
    .leftJoin(projects, eq(projects.id, disclosureNotices.projectId))
    .where(eq(disclosureNotices.countyId, county.countyId))
    .orderBy(asc(disclosureNotices.id));
  const plan = notices.find((n) => n.subject === 'PLAN');
  const implemented = notices.find((n) => n.state === 'IMPLEMENTATION');
  const announced = notices.find((n) => n.state === 'IN_LIBRARY' && n.postedOn <= today);
  const tenant = (n: { regionPath: string }) => ({ countyId: county.countyId, regionPath: n.regionPath });
  const answered = (n: { id: number; regionPath: string; postedOn: CalendarDate }, raisedAfter: number) => ({
    ...tenant(n),
    noticeId: n.id,
    raisedOn: addDays(n.postedOn, raisedAfter),
    status: 'ANSWERED' as const,
    answeredOn: [addDays(n.postedOn, raisedAfter + 3), today].sort()[0]!,
    answeredById: adminId,
    recordedById: adminId,
  });
  const rows = [
    plan && {
      ...answered(plan, 2),
      content: '方案中部分村道路项目资金安排与村民代表大会意见不一致',
      objectorName: '赵德明',
      objectorPhone: '13907461234',
      answer: '经县扶贫办核实, 该村道路项目已按村民代表大会意见调整, 答复异议人',
    },
    implemented && {
      ...answered(implemented, 3),
      content: '受益农户名单中有一户不在本村居住',
      objectorName: null,
      objectorPhone: null,
      answer: '经乡镇核实, 该户户籍和常住地均在本村, 名单无误',
    },
    announced && {
      ...tenant(announced),
      noticeId: announced.id,
      raisedOn: announced.postedOn,
      content: '项目选址占用村民承包地, 未征得本人同意',
      objectorName: '盘秀英',
      objectorPhone: '15874609876',
      recordedById: adminId,
    },
  ].filter((row) => !!row);
  if (rows.length > 0) await db.insert(noticeObjections).values(rows);
}
