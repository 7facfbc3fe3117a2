import type { Role } from '@gongjian/db/schema';

/**
 * The role × operation matrix. Every write also needs the row to sit inside the viewer's jurisdiction;
 * this table says only which roles may attempt an operation at all.
 */
export const PERMISSIONS = {
  /** Create and edit units and cadres (组织机构维护). */
  'organisation.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Record meetings, resolutions and policy documents (会议、决议、政策文件登记). */
  'work.write': ['COUNTY_ADMIN'],
  /** Create, decompose, reassign and complete tasks (任务下达、分解、改派、办结). */
  'task.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Report progress on a task (进度填报). */
  'task.report': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'HELPER'],
  /** Read the household registry (建档立卡信息查询; ID numbers and phones stay masked). */
  'household.read': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'HELPER', 'SUPERVISOR', 'AUDITOR'],
  /** See members' health and disability and households' incomes (敏感信息: 健康、残疾、收入). */
  'household.sensitive': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'HELPER'],
  /** Maintain households, members, incomes, guarantee checks and measures (农户信息维护). */
  'household.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Import households and members from Excel (Excel 导入). */
  'household.import': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Start a status-change application (发起动态调整申请). */
  'application.start': ['VILLAGE_CLERK'],
  /** Record a procedure step; the rules say which role does which step (办理程序步骤). */
  'application.step': ['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN'],
  /** Run the exclusion screening (七个不纳入筛查). */
  'exclusion.screen': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Confirm or dismiss a screening hit, and record sector data (核实筛查结果、录入部门比对数据). */
  'exclusion.decide': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK'],
  /** Identify monitoring objects, record their steps and eliminate risk (防返贫监测). */
  'monitoring.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Record exit verifications, survey samples and village populations (退出核查、抽样调查). */
  'verification.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'SUPERVISOR'],
  /** Read the four rates (贫困发生率、漏评率、错退率、群众认可度). */
  'rates.read': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'SUPERVISOR', 'AUDITOR', 'LEADER'],
  /** Register fund sources, overlaps and reported totals, and allocate funds to projects (资金来源登记、资金安排). */
  'funds.write': ['COUNTY_ADMIN'],
  /** Record payments against projects (资金拨付). */
  'funds.disburse': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK'],
  /** Apply for a project: the village 两委 with its work team (项目申报). */
  'project.apply': ['VILLAGE_CLERK'],
  /** Import project applications from Excel into the jurisdiction's villages (项目库导入; PROJECT.IMPORT_ROLE). */
  'project.import': ['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN'],
  /** Take projects' lifecycle steps; the rules say which role takes which step (项目审核、论证、入库、实施、验收). */
  'project.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Publish plan, allocation and project notices (公告公示). */
  'notice.publish': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Answer objections to notices (公示异议答复): the township or the county; recording one is notice.publish. */
  'notice.objection': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK'],
  /** Record audit findings and close them once rectified (审计发现登记、销号). */
  'audit.finding': ['COUNTY_ADMIN', 'AUDITOR'],
  /** Read the audit log (审计日志). */
  'audit.read': ['COUNTY_ADMIN', 'SUPERVISOR', 'AUDITOR'],
  /** Read work teams, pairings, visits, compliance and coverage (帮扶工作查询). */
  'assistance.read': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'HELPER', 'SUPERVISOR', 'AUDITOR'],
  /** Create work teams and keep their rosters (驻村工作队管理). */
  'workTeam.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK'],
  /** Pair helpers with households, replace and end pairings (结对帮扶管理). */
  'pairing.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Record a visit; a helper only on their own pairings (VISIT.OWN_PAIRING) (登记走访). */
  'visit.record': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'HELPER'],
  /** Record campaigns and publicity drives (帮扶活动、政策宣传登记). */
  'activity.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Read the leadership cockpit and drill from its figures to masked rows (领导驾驶舱). */
  'summary.read': ['COUNTY_ADMIN', 'LEADER'],
  /** Read reports, inspections, supervisors, accountability, assessments, performance and exits (监督考核查询). */
  'supervision.read': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'SUPERVISOR', 'AUDITOR', 'LEADER'],
  /** Take in reports, assign, reply, close and merge them (举报受理、交办、答复、办结、合并). */
  'report.intake': ['COUNTY_ADMIN', 'SUPERVISOR'],
  /** Record how an assigned report was handled (举报办理). */
  'report.handle': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Read a named reporter's identity (举报人身份: supervision roles only, never the unit reported on). */
  'report.identity': ['SUPERVISOR'],
  /** Record inspections and findings, accountability, county reviews, supervisors and performance (督查、问责、复核). */
  'supervision.write': ['COUNTY_ADMIN', 'SUPERVISOR'],
  /** Record a village's self-assessment (村级自查自评). */
  'assessment.self': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Pay a village's one-time exit reward (出列奖励发放). */
  'reward.grant': ['COUNTY_ADMIN'],
  /** Use the GraphQL IDE and send arbitrary documents outside production. */
  'ide.use': ['DEVELOPER', 'COUNTY_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/**
 * A helper only (结对帮扶责任人 without a clerk role): they see the households paired with them and record
 * visits of their own pairings, instead of everything in their village.
 */
export function isHelperOnly(roles: readonly Role[]): boolean {
  return roles.includes('HELPER') && !hasPermission(roles, 'household.write');
}

/** Whether a viewer sees a pairing's or visit's row as far as the helper rule goes: a helper only their own. */
export function seesAsHelper(
  viewer: { roles: readonly Role[]; cadreId: number | null } | null,
  helperId: number,
) {
  return !isHelperOnly(viewer?.roles ?? []) || viewer?.cadreId === helperId;
}
