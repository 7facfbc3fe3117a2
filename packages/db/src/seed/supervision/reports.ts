import { addDays, type CalendarDate, type ReportState } from '@gongjian/rules';
import type { DbExecutor } from '../../client';
import { reportReporters, reports } from '../../schema/index';
import { mobilePhone, personName } from '../people';
import { randomDay } from '../random';
import type { FindingBasis, SupervisionContext } from './context';
import { REPORT_MATERIAL } from './material';

const STATES: readonly ReportState[] = ['RECEIVED', 'ASSIGNED', 'HANDLED', 'REPLIED', 'CLOSED'];

/**
 * Open reports, received this many days before the loading day and taken to this state, so the overdue queue
 * has reports overdue at each step and reports still within their limits on any day the demo is loaded.
 */
const OPEN_REPORTS: readonly { daysAgo: number; state: ReportState }[] = [
  { daysAgo: 0, state: 'RECEIVED' },
  { daysAgo: 1, state: 'RECEIVED' },
  { daysAgo: 4, state: 'RECEIVED' },
  { daysAgo: 6, state: 'RECEIVED' },
  { daysAgo: 3, state: 'ASSIGNED' },
  { daysAgo: 8, state: 'ASSIGNED' },
  { daysAgo: 18, state: 'ASSIGNED' },
  { daysAgo: 40, state: 'ASSIGNED' },
  { daysAgo: 12, state: 'HANDLED' },
  { daysAgo: 26, state: 'HANDLED' },
  { daysAgo: 35, state: 'HANDLED' },
  { daysAgo: 9, state: 'REPLIED' },
];

const at = (day: CalendarDate, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** Reports: closed ones from 2017 to the demo's summer (bases of accountability), and the open ones above. */
export async function seedReports(db: DbExecutor, context: SupervisionContext): Promise<FindingBasis[]> {
  const { random, county } = context;
  const history = Array.from({ length: 60 }, (_, index) => {
    const year = 2017 + (index % 3);
    return { received: randomDay(random, year, 1, year === 2019 ? 6 : 11), state: 'CLOSED' as ReportState };
  });
  const live = OPEN_REPORTS.map((r) => ({ received: addDays(context.today, -r.daysAgo), state: r.state }));
  const bases: FindingBasis[] = [];
  for (const [index, plan] of [...history, ...live].entries()) {
    const village = random.pick(county.villages);
    const material = REPORT_MATERIAL[index % REPORT_MATERIAL.length]!;
    const reached = STATES.indexOf(plan.state);
    const isLive = index >= history.length;
    const stepDay = (step: number) => {
      const day = isLive ? plan.received : addDays(plan.received, step * random.int(1, 6));
      if (day > context.today) return context.today;
      return day;
    };
    const anonymous = random.next() < 0.35;
    const assignedAt = reached >= 1 ? at(stepDay(1), 11) : null;
    const handledAt = reached >= 2 ? at(stepDay(2), 15) : null;
    const repliedAt = reached >= 3 ? at(stepDay(3), 16) : null;
    const [row] = await db
      .insert(reports)
      .values({
        countyId: county.countyId,
        regionPath: village.regionPath,
        regionId: village.id,
        channel: material.channel,
        category: material.category,
        subject: `${village.name}:${material.subject}`,
        content: material.content,
        anonymous,
        state: plan.state,
        receivedAt: at(plan.received, 9),
        receivedOn: plan.received,
        receivedById: context.supervisorId,
        assignedUnitId: assignedAt ? (context.governmentOf.get(village.townshipId) ?? null) : null,
        assignedAt,
        handledAt,
        handlingResult: handledAt ? '经乡镇调查核实, 已按政策处理并形成书面报告。' : null,
        repliedAt,
        reply: repliedAt ? '已将调查核实和处理情况向反映人答复。' : null,
        closedAt: reached >= 4 ? at(stepDay(4), 17) : null,
        closedById: reached >= 4 ? context.supervisorId : null,
      })
      .returning({ id: reports.id });
    if (!anonymous) {
      await db.insert(reportReporters).values({
        reportId: row!.id,
        countyId: county.countyId,
        regionPath: village.regionPath,
        name: personName(random),
        phone: mobilePhone(random),
      });
    }
    if (!isLive && material.category !== 'POLICY_CONSULTATION')
      bases.push({ id: row!.id, regionPath: village.regionPath, foundOn: plan.received });
  }
  return bases;
}
