import { describe, expect, it } from 'vitest';
import {
  canTakeProjectStep,
  mayTakeProjectStep,
  PROJECT_STATES,
  PROJECT_STEP_ROLES,
  type ProjectState,
  projectStepRoles,
  projectStepsFor,
} from '../src';
import { jianghua } from './helpers';

/** PROJECT.STEP_ROLE: the village applies, the township reviews, the county appraises, approves and announces. */

describe('who takes which step of the project library (PROJECT.STEP_ROLE)', () => {
  it.each([
    [['VILLAGE_CLERK'], null, 'APPLICATION', true],
    [['TOWNSHIP_CLERK'], null, 'APPLICATION', false],
    [['COUNTY_ADMIN'], null, 'APPLICATION', false],
    [['TOWNSHIP_CLERK'], 'APPLICATION', 'TOWNSHIP_REVIEW', true],
    [['VILLAGE_CLERK'], 'APPLICATION', 'TOWNSHIP_REVIEW', false],
    [['COUNTY_ADMIN'], 'APPLICATION', 'TOWNSHIP_REVIEW', false],
    [['COUNTY_ADMIN'], 'TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', true],
    [['TOWNSHIP_CLERK'], 'TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', false],
    [['COUNTY_ADMIN'], 'COUNTY_APPRAISAL', 'APPROVED', true],
    [['TOWNSHIP_CLERK'], 'COUNTY_APPRAISAL', 'APPROVED', false],
    [['COUNTY_ADMIN'], 'APPROVED', 'IN_LIBRARY', true],
    [['VILLAGE_CLERK'], 'IN_LIBRARY', 'IMPLEMENTATION', true],
    [['TOWNSHIP_CLERK'], 'IN_LIBRARY', 'IMPLEMENTATION', true],
    [['COUNTY_ADMIN'], 'IN_LIBRARY', 'IMPLEMENTATION', false],
    [['TOWNSHIP_CLERK'], 'IMPLEMENTATION', 'COMPLETION_ACCEPTANCE', true],
    [['VILLAGE_CLERK'], 'IMPLEMENTATION', 'COMPLETION_ACCEPTANCE', false],
    [['COUNTY_ADMIN'], 'COMPLETION_ACCEPTANCE', 'ASSET_HANDOVER', true],
    [['TOWNSHIP_CLERK'], 'COMPLETION_ACCEPTANCE', 'ASSET_HANDOVER', false],
    [['TOWNSHIP_CLERK'], 'APPLICATION', 'REMOVED', true],
    [['TOWNSHIP_CLERK'], 'TOWNSHIP_REVIEW', 'REMOVED', false],
    [['COUNTY_ADMIN'], 'IN_LIBRARY', 'REMOVED', true],
    [['VILLAGE_CLERK'], 'APPLICATION', 'REMOVED', false],
    [['LEADER'], 'APPROVED', 'IN_LIBRARY', false],
    [[], 'APPROVED', 'IN_LIBRARY', false],
    [['HELPER', 'TOWNSHIP_CLERK'], 'APPLICATION', 'TOWNSHIP_REVIEW', true],
  ] as const)('%j: %s → %s is %s', (roles, from, to, passed) => {
    expect(mayTakeProjectStep(roles, from, to).passed).toBe(passed);
  });

  it('names the actor and the roles that may take the step, in Chinese and English', () => {
    const refused = mayTakeProjectStep(['TOWNSHIP_CLERK'], 'COUNTY_APPRAISAL', 'APPROVED');
    expect(refused).toMatchObject({ ruleId: 'PROJECT.STEP_ROLE', passed: false });
    expect(refused.messageZh).toContain('TOWNSHIP_CLERK 无权办理 APPROVED, 应由 COUNTY_ADMIN 办理');
    expect(refused.messageEn).toContain('may not record APPROVED; COUNTY_ADMIN may');
    expect(mayTakeProjectStep([], null, 'APPLICATION').messageZh).toContain(
      '— 无权办理 APPLICATION, 应由 VILLAGE_CLERK 办理',
    );
    expect(mayTakeProjectStep(['COUNTY_ADMIN'], 'APPROVED', 'IN_LIBRARY').messageZh).toContain(
      'COUNTY_ADMIN 可办理 IN_LIBRARY',
    );
  });

  it('gives every state a role, and removal at application also to the township', () => {
    for (const state of PROJECT_STATES) expect(PROJECT_STEP_ROLES[state].length).toBeGreaterThan(0);
    expect(projectStepRoles('APPLICATION', 'REMOVED')).toEqual(['TOWNSHIP_CLERK', 'COUNTY_ADMIN']);
    expect(projectStepRoles('APPROVED', 'REMOVED')).toEqual(['COUNTY_ADMIN']);
  });

  it.each([
    [['TOWNSHIP_CLERK'], 'APPLICATION', ['TOWNSHIP_REVIEW', 'REMOVED']],
    [['COUNTY_ADMIN'], 'APPLICATION', ['REMOVED']],
    [['VILLAGE_CLERK'], 'APPLICATION', []],
    [['COUNTY_ADMIN'], 'IN_LIBRARY', ['REMOVED']],
    [['VILLAGE_CLERK'], 'IN_LIBRARY', ['IMPLEMENTATION']],
    [['COUNTY_ADMIN'], 'ASSET_HANDOVER', []],
  ] as const)('offers %j at %s the steps %j', (roles, from, steps) => {
    expect(projectStepsFor(roles, from as ProjectState)).toEqual(steps);
  });
});

describe('a step as one actor takes it (canTakeProjectStep)', () => {
  const policy = jianghua(2026);
  const facts = (state: ProjectState) => ({ id: '1', state, performanceTarget: '建成' });
  const failed = (roles: readonly string[], state: ProjectState, to: ProjectState) =>
    canTakeProjectStep(roles, facts(state), to, [], '2026-03-01', policy)
      .reasons.filter((r) => !r.passed)
      .map((r) => r.ruleId);

  it.each([
    [['TOWNSHIP_CLERK'], 'APPLICATION', 'TOWNSHIP_REVIEW', []],
    [['COUNTY_ADMIN'], 'APPLICATION', 'TOWNSHIP_REVIEW', ['PROJECT.STEP_ROLE']],
    [['TOWNSHIP_CLERK'], 'APPLICATION', 'APPROVED', ['PROJECT.TRANSITION', 'PROJECT.STEP_ROLE']],
    [['VILLAGE_CLERK'], 'IN_LIBRARY', 'IMPLEMENTATION', ['PROJECT.NOTICE_RUN']],
  ] as const)('%j: %s → %s fails %j', (roles, from, to, ids) => {
    expect(failed(roles, from, to)).toEqual(ids);
  });

  it('passes only when every rule passes', () => {
    expect(
      canTakeProjectStep(['COUNTY_ADMIN'], facts('APPROVED'), 'IN_LIBRARY', [], '2026-03-01', policy).outcome,
    ).toBe('PASS');
    expect(
      canTakeProjectStep(['VILLAGE_CLERK'], facts('APPROVED'), 'IN_LIBRARY', [], '2026-03-01', policy)
        .outcome,
    ).toBe('FAIL');
  });
});
