import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const fundsRelations = defineRelationsPart(schema, (r) => ({
  fundSources: {
    allocations: r.many.fundAllocations({ from: r.fundSources.id, to: r.fundAllocations.sourceId }),
    includes: r.many.fundOverlaps({
      from: r.fundSources.id,
      to: r.fundOverlaps.containerId,
      alias: 'overlap_container',
    }),
    includedIn: r.many.fundOverlaps({
      from: r.fundSources.id,
      to: r.fundOverlaps.containedId,
      alias: 'overlap_contained',
    }),
  },
  fundOverlaps: {
    container: r.one.fundSources({
      from: r.fundOverlaps.containerId,
      to: r.fundSources.id,
      optional: false,
      alias: 'overlap_container',
    }),
    contained: r.one.fundSources({
      from: r.fundOverlaps.containedId,
      to: r.fundSources.id,
      optional: false,
      alias: 'overlap_contained',
    }),
  },
  projects: {
    region: r.one.regions({ from: r.projects.regionId, to: r.regions.id, optional: false }),
    responsibleUnit: r.one.units({ from: r.projects.responsibleUnitId, to: r.units.id, optional: false }),
    steps: r.many.projectSteps({ from: r.projects.id, to: r.projectSteps.projectId }),
    allocations: r.many.fundAllocations({ from: r.projects.id, to: r.fundAllocations.projectId }),
    disbursements: r.many.disbursements({ from: r.projects.id, to: r.disbursements.projectId }),
    notices: r.many.disclosureNotices({ from: r.projects.id, to: r.disclosureNotices.projectId }),
    auditFindings: r.many.auditFindings({ from: r.projects.id, to: r.auditFindings.projectId }),
  },
  projectSteps: {
    project: r.one.projects({ from: r.projectSteps.projectId, to: r.projects.id, optional: false }),
    actedBy: r.one.users({ from: r.projectSteps.actedById, to: r.users.id }),
  },
  fundAllocations: {
    source: r.one.fundSources({ from: r.fundAllocations.sourceId, to: r.fundSources.id, optional: false }),
    project: r.one.projects({ from: r.fundAllocations.projectId, to: r.projects.id, optional: false }),
  },
  disbursements: {
    project: r.one.projects({ from: r.disbursements.projectId, to: r.projects.id, optional: false }),
  },
  disclosureNotices: {
    project: r.one.projects({ from: r.disclosureNotices.projectId, to: r.projects.id }),
    objections: r.many.noticeObjections({ from: r.disclosureNotices.id, to: r.noticeObjections.noticeId }),
  },
  noticeObjections: {
    notice: r.one.disclosureNotices({
      from: r.noticeObjections.noticeId,
      to: r.disclosureNotices.id,
      optional: false,
    }),
    answeredBy: r.one.users({ from: r.noticeObjections.answeredById, to: r.users.id }),
  },
  auditFindings: {
    project: r.one.projects({ from: r.auditFindings.projectId, to: r.projects.id }),
    source: r.one.fundSources({ from: r.auditFindings.sourceId, to: r.fundSources.id }),
    task: r.one.tasks({ from: r.auditFindings.taskId, to: r.tasks.id }),
  },
}));
