import {
  type ActorRole,
  LABELS_ZH,
  MONITORING_STEP_ROLES,
  MONITORING_STEPS,
  type Policy,
  type ProcedureDefinition,
  source,
} from '@gongjian/rules';
import { builder } from '../../builder';

/**
 * Edge households and monitoring objects (边缘户 / 防返贫监测对象): classification by the rules, one
 * responsible cadre each, identification through the rules' monitoring procedure, and risk elimination
 * through a procedure of its own. A household in which nobody can work is never marked eliminated.
 */

/**
 * Risk elimination (风险消除, MONITOR_2021): visit → deliberation and notice → county approval and
 * announcement. The rules package decides elimination but has no procedure for it, so it is defined here
 * with the rules' own step machinery and the monitoring notice days.
 */
export const ELIMINATION_STEPS = ['ELIMINATION_VISIT', 'ELIMINATION_NOTICE', 'ELIMINATION_APPROVAL'] as const;
export type EliminationStep = (typeof ELIMINATION_STEPS)[number];

const ELIMINATION_STEP_ROLES: Record<EliminationStep, readonly ActorRole[]> = {
  ELIMINATION_VISIT: ['VILLAGE_CLERK'],
  ELIMINATION_NOTICE: ['VILLAGE_CLERK'],
  ELIMINATION_APPROVAL: ['COUNTY_ADMIN'],
};

export function eliminationProcedure(policy: Policy): ProcedureDefinition<EliminationStep> {
  return {
    name: 'RISK_ELIMINATION_PROCEDURE',
    steps: ELIMINATION_STEPS,
    roles: ELIMINATION_STEP_ROLES,
    noticeDays: { ELIMINATION_NOTICE: policy.get('monitor.noticeDays') },
    source: source('MONITOR_2021', 'N'),
  };
}

const ELIMINATION_LABELS: Record<EliminationStep, string> = {
  ELIMINATION_VISIT: '风险消除入户核实',
  ELIMINATION_NOTICE: '风险消除评议公示',
  ELIMINATION_APPROVAL: '县级审定并公告',
};

export const MonitoringStepEnum = builder.enumType('MonitoringStep', {
  description: '监测程序步骤 (identification steps, then risk-elimination steps)',
  values: Object.fromEntries([
    ...MONITORING_STEPS.map((step) => [step, { description: LABELS_ZH.monitoringStep[step] }]),
    ...ELIMINATION_STEPS.map((step) => [step, { description: ELIMINATION_LABELS[step] }]),
  ]) as Record<(typeof MONITORING_STEPS)[number] | EliminationStep, { description: string }>,
});
export type AnyMonitoringStep = (typeof MONITORING_STEPS)[number] | EliminationStep;

/**
 * Who may record a step: the roles of the rules' monitoring procedure (identification) or of the
 * risk-elimination procedure above; none for a step that is not in the procedure.
 */
export function monitoringStepRoles(
  procedure: 'IDENTIFICATION' | 'ELIMINATION',
  step: AnyMonitoringStep,
): readonly ActorRole[] {
  const roles: Partial<Record<AnyMonitoringStep, readonly ActorRole[]>> =
    procedure === 'IDENTIFICATION' ? MONITORING_STEP_ROLES : ELIMINATION_STEP_ROLES;
  return roles[step] ?? [];
}

export function nextStepOf(o: {
  procedure: 'IDENTIFICATION' | 'ELIMINATION';
  stepsDone: number;
  state: string;
}) {
  if (o.state !== 'IDENTIFYING' && o.state !== 'ELIMINATING') return null;
  const steps: readonly AnyMonitoringStep[] =
    o.procedure === 'IDENTIFICATION' ? MONITORING_STEPS : ELIMINATION_STEPS;
  return steps[o.stepsDone] ?? null;
}

/** Nobody in the household can work. */
export const noLabour = (members: readonly { labourCapacity: string }[]) =>
  members.every((member) => member.labourCapacity === 'NONE');
