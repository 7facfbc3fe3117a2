import { PERMISSIONS, type Permission } from '../src/auth/permissions';

/**
 * Who may call each root field (查询与变更的角色矩阵). `public`: anyone, signed in or not; `signedIn`: every role,
 * rows still cut to the jurisdiction; a permission: the roles `PERMISSIONS` gives it; `unmask`: a user whose
 * account may unmask. `node`/`nodes` answer with the row's own type's scope: the matrix sends a Household.
 * A root field added to the schema without a row here fails the matrix test.
 */
export type Access = 'public' | 'signedIn' | 'unmask' | Permission;

export const EXPECTED_ACCESS: Record<string, Access> = {
  // query
  auditFindings: 'signedIn',
  disclosureNotices: 'signedIn',
  fundReconciliation: 'signedIn',
  fundSources: 'signedIn',
  projects: 'signedIn',
  auditLog: 'audit.read',
  auditRetentionMonths: 'audit.read',
  battleMap: 'signedIn',
  cadres: 'signedIn',
  combatGroups: 'signedIn',
  commandPost: 'signedIn',
  countyToday: 'public',
  departmentSections: 'signedIn',
  exclusionFindings: 'household.read',
  exitVerifications: 'household.read',
  household: 'household.read',
  households: 'household.read',
  identificationRates: 'rates.read',
  me: 'public',
  meetings: 'signedIn',
  monitoringClassification: 'household.sensitive',
  monitoringObjects: 'household.read',
  node: 'household.read',
  nodes: 'household.read',
  organisationSummary: 'signedIn',
  policyDocuments: 'signedIn',
  region: 'signedIn',
  regions: 'signedIn',
  resolutions: 'signedIn',
  responsibilityLevels: 'signedIn',
  statusApplications: 'household.read',
  surveySamples: 'household.read',
  tasks: 'signedIn',
  units: 'signedIn',
  villages: 'signedIn',
  workStations: 'signedIn',
  // mutation
  advanceProject: 'project.write',
  allocateFunds: 'funds.write',
  closeAuditFinding: 'audit.finding',
  createFundSource: 'funds.write',
  createProject: 'project.write',
  declareFundOverlap: 'funds.write',
  publishNotice: 'notice.publish',
  recordAuditFinding: 'audit.finding',
  recordDisbursement: 'funds.disburse',
  recordReportedTotal: 'funds.write',
  addMember: 'household.write',
  assignResponsibleCadre: 'monitoring.write',
  completeTask: 'task.write',
  confirmExclusionFinding: 'exclusion.decide',
  createCadre: 'organisation.write',
  createHousehold: 'household.write',
  createMeeting: 'work.write',
  createPolicyDocument: 'work.write',
  createResolution: 'work.write',
  createTask: 'task.write',
  createUnit: 'organisation.write',
  decomposeTask: 'task.write',
  dismissExclusionFinding: 'exclusion.decide',
  login: 'public',
  logout: 'public',
  reassignTask: 'task.write',
  recordApplicationStep: 'application.step',
  recordExitVerification: 'verification.write',
  recordGuaranteeCheck: 'household.write',
  recordIncome: 'household.write',
  recordMonitoringStep: 'monitoring.write',
  recordSectorData: 'exclusion.decide',
  recordSurveySample: 'verification.write',
  removeMember: 'household.write',
  reportTaskProgress: 'task.report',
  revealCadrePhone: 'unmask',
  revealHouseholdPhone: 'unmask',
  revealMemberIdNumber: 'unmask',
  runExclusionScreening: 'exclusion.screen',
  saveMeasure: 'household.write',
  setVillagePopulation: 'verification.write',
  startApplication: 'application.start',
  startMonitoring: 'monitoring.write',
  startRiskElimination: 'monitoring.write',
  updateCadre: 'organisation.write',
  updateHousehold: 'household.write',
  updateMember: 'household.write',
  updateUnit: 'organisation.write',
  withdrawApplication: 'application.step',
};

export const CALLERS = [
  'admin',
  'township',
  'village',
  'helper',
  'supervisor',
  'auditor',
  'leader',
  'developer',
  null,
] as const;

export function mayCall(access: Access, caller: { roles: readonly string[]; mayUnmask: boolean } | null) {
  if (access === 'public') return true;
  if (!caller) return false;
  if (access === 'signedIn') return true;
  if (access === 'unmask') return caller.mayUnmask;
  return caller.roles.some((role) => (PERMISSIONS[access] as readonly string[]).includes(role));
}
