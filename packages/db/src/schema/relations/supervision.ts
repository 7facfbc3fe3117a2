import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const supervisionRelations = defineRelationsPart(schema, (r) => ({
  inspections: {
    findings: r.many.inspectionFindings({ from: r.inspections.id, to: r.inspectionFindings.inspectionId }),
    combatGroup: r.one.combatGroups({ from: r.inspections.combatGroupId, to: r.combatGroups.id }),
  },
  inspectionFindings: {
    inspection: r.one.inspections({
      from: r.inspectionFindings.inspectionId,
      to: r.inspections.id,
      optional: false,
    }),
    region: r.one.regions({ from: r.inspectionFindings.regionId, to: r.regions.id, optional: false }),
    task: r.one.tasks({ from: r.inspectionFindings.taskId, to: r.tasks.id, optional: false }),
  },
  reports: {
    region: r.one.regions({ from: r.reports.regionId, to: r.regions.id, optional: false }),
    concernedUnit: r.one.units({
      from: r.reports.concernedUnitId,
      to: r.units.id,
      alias: 'report_concerned_unit',
    }),
    assignedUnit: r.one.units({
      from: r.reports.assignedUnitId,
      to: r.units.id,
      alias: 'report_assigned_unit',
    }),
    mergedInto: r.one.reports({ from: r.reports.mergedIntoId, to: r.reports.id, alias: 'report_merge' }),
    duplicates: r.many.reports({ from: r.reports.id, to: r.reports.mergedIntoId, alias: 'report_merge' }),
    reporter: r.one.reportReporters({ from: r.reports.id, to: r.reportReporters.reportId }),
  },
  reportReporters: {
    report: r.one.reports({ from: r.reportReporters.reportId, to: r.reports.id, optional: false }),
  },
  villageSupervisors: {
    village: r.one.regions({ from: r.villageSupervisors.villageId, to: r.regions.id, optional: false }),
  },
  accountabilityCases: {
    unit: r.one.units({ from: r.accountabilityCases.unitId, to: r.units.id }),
    report: r.one.reports({ from: r.accountabilityCases.reportId, to: r.reports.id }),
    inspectionFinding: r.one.inspectionFindings({
      from: r.accountabilityCases.inspectionFindingId,
      to: r.inspectionFindings.id,
    }),
    auditFinding: r.one.auditFindings({ from: r.accountabilityCases.auditFindingId, to: r.auditFindings.id }),
  },
  villageAssessments: {
    village: r.one.regions({ from: r.villageAssessments.villageId, to: r.regions.id, optional: false }),
    items: r.many.assessmentItems({ from: r.villageAssessments.id, to: r.assessmentItems.assessmentId }),
    findings: r.many.inspectionFindings({
      from: r.villageAssessments.villageId,
      to: r.inspectionFindings.regionId,
    }),
  },
  assessmentItems: {
    assessment: r.one.villageAssessments({
      from: r.assessmentItems.assessmentId,
      to: r.villageAssessments.id,
      optional: false,
    }),
  },
  performanceAssessments: {
    unit: r.one.units({ from: r.performanceAssessments.unitId, to: r.units.id, optional: false }),
  },
  villageExits: {
    village: r.one.regions({ from: r.villageExits.villageId, to: r.regions.id, optional: false }),
  },
}));
