import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const identificationRelations = defineRelationsPart(schema, (r) => ({
  households: {
    village: r.one.regions({ from: r.households.villageId, to: r.regions.id, optional: false }),
    members: r.many.householdMembers({ from: r.households.id, to: r.householdMembers.householdId }),
    pairings: r.many.pairings({ from: r.households.id, to: r.pairings.householdId }),
    openPairing: r.one.pairings({
      from: r.households.id,
      to: r.pairings.householdId,
      where: { endDate: { isNull: true } },
    }),
    head: r.one.householdMembers({
      from: r.households.id,
      to: r.householdMembers.householdId,
      where: { relation: 'HEAD' },
      alias: 'household_head',
    }),
    incomes: r.many.householdIncomes({ from: r.households.id, to: r.householdIncomes.householdId }),
    guarantees: r.many.householdGuarantees({ from: r.households.id, to: r.householdGuarantees.householdId }),
    measures: r.many.householdMeasures({ from: r.households.id, to: r.householdMeasures.householdId }),
    applications: r.many.statusApplications({ from: r.households.id, to: r.statusApplications.householdId }),
    exclusionFindings: r.many.exclusionFindings({
      from: r.households.id,
      to: r.exclusionFindings.householdId,
    }),
    monitoringObjects: r.many.monitoringObjects({
      from: r.households.id,
      to: r.monitoringObjects.householdId,
    }),
    exitVerifications: r.many.exitVerifications({
      from: r.households.id,
      to: r.exitVerifications.householdId,
    }),
  },
  householdMembers: {
    household: r.one.households({
      from: r.householdMembers.householdId,
      to: r.households.id,
      optional: false,
    }),
    sectorRecords: r.many.sectorRecords({ from: r.householdMembers.idNumber, to: r.sectorRecords.idNumber }),
  },
  householdIncomes: {
    household: r.one.households({
      from: r.householdIncomes.householdId,
      to: r.households.id,
      optional: false,
    }),
  },
  householdGuarantees: {
    household: r.one.households({
      from: r.householdGuarantees.householdId,
      to: r.households.id,
      optional: false,
    }),
  },
  householdMeasures: {
    household: r.one.households({
      from: r.householdMeasures.householdId,
      to: r.households.id,
      optional: false,
    }),
    monitoringObject: r.one.monitoringObjects({
      from: r.householdMeasures.monitoringObjectId,
      to: r.monitoringObjects.id,
    }),
  },
  statusApplications: {
    household: r.one.households({
      from: r.statusApplications.householdId,
      to: r.households.id,
      optional: false,
    }),
    steps: r.many.applicationSteps({ from: r.statusApplications.id, to: r.applicationSteps.applicationId }),
    startedBy: r.one.users({ from: r.statusApplications.startedByUserId, to: r.users.id }),
    exclusionFinding: r.one.exclusionFindings({
      from: r.statusApplications.exclusionFindingId,
      to: r.exclusionFindings.id,
    }),
  },
  applicationSteps: {
    application: r.one.statusApplications({
      from: r.applicationSteps.applicationId,
      to: r.statusApplications.id,
      optional: false,
    }),
  },
  exclusionFindings: {
    household: r.one.households({
      from: r.exclusionFindings.householdId,
      to: r.households.id,
      optional: false,
    }),
    application: r.one.statusApplications({
      from: r.exclusionFindings.applicationId,
      to: r.statusApplications.id,
    }),
  },
  monitoringObjects: {
    household: r.one.households({
      from: r.monitoringObjects.householdId,
      to: r.households.id,
      optional: false,
    }),
    responsibleCadre: r.one.cadres({
      from: r.monitoringObjects.responsibleCadreId,
      to: r.cadres.id,
      optional: false,
    }),
    steps: r.many.monitoringSteps({ from: r.monitoringObjects.id, to: r.monitoringSteps.monitoringObjectId }),
    measures: r.many.householdMeasures({
      from: r.monitoringObjects.id,
      to: r.householdMeasures.monitoringObjectId,
    }),
  },
  monitoringSteps: {
    monitoringObject: r.one.monitoringObjects({
      from: r.monitoringSteps.monitoringObjectId,
      to: r.monitoringObjects.id,
      optional: false,
    }),
  },
  exitVerifications: {
    household: r.one.households({
      from: r.exitVerifications.householdId,
      to: r.households.id,
      optional: false,
    }),
  },
  surveySamples: {
    village: r.one.regions({ from: r.surveySamples.villageId, to: r.regions.id, optional: false }),
    household: r.one.households({ from: r.surveySamples.householdId, to: r.households.id }),
  },
  villagePopulations: {
    village: r.one.regions({ from: r.villagePopulations.villageId, to: r.regions.id, optional: false }),
  },
}));
