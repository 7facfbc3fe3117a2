import { addDays } from '@gongjian/rules';
import type { DbExecutor } from '../../client';
import { accountabilityCases } from '../../schema/index';
import { bulkInsert } from '../bulk';
import { DEMO_DATE } from '../demo-step';
import { personName } from '../people';
import type { FindingBasis, SupervisionContext } from './context';
import {
  ACCOUNTABILITY_MEASURES,
  ACCOUNTABLE_POSTS,
  ARTICLE_CASES_OPENED,
  ARTICLE_PEOPLE_HELD_ACCOUNTABLE,
  CASE_MEASURES,
} from './material';

interface Bases {
  reports: FindingBasis[];
  inspectionFindings: FindingBasis[];
  auditFindings: FindingBasis[];
}

/**
 * The article's 116 people held accountable (作风问责) and 19 cases opened (立案), each decided a month or two
 * after the report, inspection finding or audit finding behind it, and never after the article's date.
 */
export async function seedAccountability(db: DbExecutor, context: SupervisionContext, bases: Bases) {
  const { random, county } = context;
  const pool = [
    ...bases.reports.map((b) => ({ ...b, key: 'reportId' as const })),
    ...bases.inspectionFindings.map((b) => ({ ...b, key: 'inspectionFindingId' as const })),
    ...bases.auditFindings.map((b) => ({ ...b, key: 'auditFindingId' as const })),
  ];
  if (pool.length === 0) return;
  const kinds = [
    ...Array.from({ length: ARTICLE_PEOPLE_HELD_ACCOUNTABLE }, () => 'CONDUCT_ACCOUNTABILITY' as const),
    ...Array.from({ length: ARTICLE_CASES_OPENED }, () => 'CASE_OPENED' as const),
  ];
  await bulkInsert(
    db,
    accountabilityCases,
    kinds.map((kind, index) => {
      const basis = pool[index % pool.length]!;
      const later = addDays(basis.foundOn, random.int(20, 60));
      const decidedOn = later > DEMO_DATE && basis.foundOn <= DEMO_DATE ? DEMO_DATE : later;
      const measures = kind === 'CASE_OPENED' ? CASE_MEASURES : ACCOUNTABILITY_MEASURES;
      return {
        countyId: county.countyId,
        regionPath: basis.regionPath,
        kind,
        decidedOn,
        year: Number(decidedOn.slice(0, 4)),
        personName: personName(random),
        personPost: random.pick(ACCOUNTABLE_POSTS),
        measure: random.pick(measures),
        summary:
          kind === 'CASE_OPENED'
            ? '涉嫌违规违纪, 经县纪委监委研究决定立案审查'
            : '履行扶贫工作职责不力, 作风不实',
        reportId: basis.key === 'reportId' ? basis.id : null,
        inspectionFindingId: basis.key === 'inspectionFindingId' ? basis.id : null,
        auditFindingId: basis.key === 'auditFindingId' ? basis.id : null,
        recordedById: context.supervisorId,
      };
    }),
  );
}
