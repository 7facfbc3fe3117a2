import {
  ACCOUNTABILITY_KINDS,
  type AccountabilityKind,
  checkBonusShare,
  checkReportTimeliness,
  classifyVillageAssessment,
  type ReportCategory,
} from '@gongjian/rules';
import { policyForYear } from '../src/policy';

type Row = Record<string, unknown>;

const kindOrder = (kind: unknown) => ACCOUNTABILITY_KINDS.indexOf(kind as AccountabilityKind);

const shanghaiDay = (instant: unknown) =>
  new Date(new Date(String(instant)).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The supervision figures of the cockpit counted again from the raw rows with the rules' own TypeScript
 * (report timeliness, assessment class, bonus share), a step taken after the day counting as not taken.
 */
export function supervisionCount(
  raw: { reports: Row[]; cases: Row[]; assessments: Row[]; exits: Row[]; performance: Row[] },
  inside: (path: unknown) => boolean,
  asOf: string,
  code: string,
) {
  const year = Number(asOf.slice(0, 4));
  const by = (instant: unknown) =>
    instant !== null && shanghaiDay(instant) <= asOf ? String(instant) : null;
  const received = raw.reports.filter((r) => inside(r.region_path) && String(r.received_on) <= asOf);
  const open = received.filter((r) => by(r.merged_at) === null && by(r.closed_at) === null);
  const policy = policyForYear(year, code);
  const overdue = open.filter((r) => {
    const instant = (v: unknown) => (by(v) === null ? null : new Date(String(v)));
    return (
      checkReportTimeliness(
        {
          receivedAt: new Date(String(r.received_at)),
          assignedAt: instant(r.assigned_at),
          handledAt: instant(r.handled_at),
          repliedAt: instant(r.replied_at),
        },
        asOf,
        policy,
        r.category as ReportCategory,
      ).outcome === 'OVERDUE'
    );
  });
  const cases = new Map<string, number>();
  for (const c of raw.cases.filter((c) => inside(c.region_path) && String(c.decided_on) <= asOf)) {
    const key = `${c.year}:${c.kind}`;
    cases.set(key, (cases.get(key) ?? 0) + 1);
  }
  const assessed = raw.assessments.filter((a) => inside(a.region_path) && String(a.self_assessed_on) <= asOf);
  const assessmentYear = assessed.length ? Math.max(...assessed.map((a) => Number(a.year))) : null;
  const classes = { CONSOLIDATE: 0, RECTIFY: 0, YELLOW_CARD: 0, KEY_MANAGEMENT: 0 };
  const latest = assessed.filter((a) => Number(a.year) === assessmentYear);
  for (const a of latest) {
    const reviewed = a.reviewed_on !== null && String(a.reviewed_on) <= asOf;
    const decision = classifyVillageAssessment(
      {
        villageId: String(a.village_id),
        selfScore: Number(a.self_score_tenths) / 10,
        reviewScore: reviewed ? Number(a.review_score_tenths) / 10 : null,
        vetoHit: reviewed && a.veto_hit === true,
        problemCount: Number(a.problem_count),
      },
      policy,
    );
    classes[decision.outcome] += 1;
  }
  const exits = raw.exits.filter((e) => inside(e.region_path));
  const paid = exits.filter((e) => e.reward_paid_on !== null && String(e.reward_paid_on) <= asOf);
  const perfYears = raw.performance.filter((p) => inside(p.region_path) && Number(p.year) <= year);
  const performanceYear = perfYears.length ? Math.max(...perfYears.map((p) => Number(p.year))) : null;
  const units = perfYears.filter((p) => Number(p.year) === performanceYear);
  return {
    reportsReceived: received.length,
    reportsOpen: open.length,
    reportsOverdue: overdue.length,
    accountability: [...cases.entries()]
      .map(([key, count]) => ({ year: Number(key.split(':')[0]), kind: key.split(':')[1], count }))
      .sort((a, b) => a.year - b.year || kindOrder(a.kind) - kindOrder(b.kind)),
    assessmentYear,
    assessedVillages: latest.length,
    consolidate: classes.CONSOLIDATE,
    rectify: classes.RECTIFY,
    yellowCard: classes.YELLOW_CARD,
    keyManagement: classes.KEY_MANAGEMENT,
    villagesExited: exits.filter((e) => e.exit_year !== null && `${e.exit_year}-12-31` <= asOf).length,
    rewardsPaid: paid.length,
    rewardsFen: paid.reduce((n, e) => n + Number(e.reward_fen), 0),
    performanceYear,
    unitsAssessed: units.length,
    unitsBelowBonusShare: units.filter(
      (p) =>
        checkBonusShare(
          {
            unitId: String(p.unit_id),
            totalBonusFen: Number(p.total_bonus_fen),
            campaignLinkedBonusFen: Number(p.campaign_bonus_fen),
          },
          policyForYear(Number(p.year), code),
        ).outcome === 'FAIL',
    ).length,
  };
}
