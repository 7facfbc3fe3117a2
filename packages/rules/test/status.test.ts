import { describe, expect, it } from 'vitest';
import {
  type ActorRole,
  APPLICATION_KINDS,
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  applicationKindsFrom,
  attemptStep,
  HOUSEHOLD_STATUSES,
  InvalidInputError,
  nextStep,
  type ProcedureStep,
  type StatusApplication,
} from '../src';
import { jianghua } from './helpers';

const policy = jianghua(2019);

/** Runs the steps in order with the right roles, each `gap` days after the previous one. */
function runSteps(
  application: StatusApplication,
  steps: readonly ProcedureStep[],
  start: string,
  gap: number,
) {
  const roles: Record<ProcedureStep, ActorRole> = {
    VILLAGE_DELIBERATION: 'VILLAGE_CLERK',
    FIRST_NOTICE: 'VILLAGE_CLERK',
    TOWNSHIP_REVIEW: 'TOWNSHIP_CLERK',
    SECOND_NOTICE: 'TOWNSHIP_CLERK',
    COUNTY_APPROVAL: 'COUNTY_ADMIN',
    ANNOUNCEMENT: 'COUNTY_ADMIN',
  };
  let current = application;
  let day = new Date(`${start}T00:00:00Z`);
  const results = [];
  for (const step of steps) {
    const result = nextStep(current, step, roles[step], day.toISOString().slice(0, 10), policy);
    results.push(result);
    current = result.application;
    day = new Date(day.getTime() + gap * 86_400_000);
  }
  return results;
}

describe('which status transitions each application kind makes', () => {
  it.each([
    ['NON_POOR', ['IDENTIFY', 'ADD_MISSED']],
    ['POOR', ['EXIT', 'REMOVE_WRONGLY_INCLUDED']],
    ['EXITED', ['RETURN', 'END_POLICY']],
    ['EXITED_NO_POLICY', ['RETURN']],
    ['RETURNED', ['EXIT', 'REMOVE_WRONGLY_INCLUDED']],
  ] as const)('from %s: %j', (status, kinds) => {
    expect(applicationKindsFrom(status)).toEqual(kinds);
  });

  it('moves every status somewhere and reaches every status', () => {
    const reached = new Set(
      APPLICATION_KINDS.flatMap((kind) => Object.values(APPLICATION_TRANSITIONS[kind])),
    );
    expect([...reached].sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
  });
});

describe('the procedure: 两公示一公告, in order, by the right role, notices running their days', () => {
  it.each(APPLICATION_KINDS.map((kind) => [kind] as const))(
    '%s completes with its steps and changes status only at the end',
    (kind) => {
      const from = Object.keys(APPLICATION_TRANSITIONS[kind])[0] as StatusApplication['fromStatus'];
      const results = runSteps(
        { kind, fromStatus: from, completedSteps: [] },
        APPLICATION_STEPS[kind],
        '2019-03-01',
        7,
      );
      expect(results.map((r) => r.outcome)).toEqual(APPLICATION_STEPS[kind].map(() => 'ACCEPTED'));
      expect(results.slice(0, -1).every((r) => r.status === from && !r.complete)).toBe(true);
      expect(results.at(-1)).toMatchObject({ complete: true, status: APPLICATION_TRANSITIONS[kind][from] });
    },
  );

  it('identification has six steps with two notices; exit has one notice', () => {
    expect(APPLICATION_STEPS.IDENTIFY).toEqual([
      'VILLAGE_DELIBERATION',
      'FIRST_NOTICE',
      'TOWNSHIP_REVIEW',
      'SECOND_NOTICE',
      'COUNTY_APPROVAL',
      'ANNOUNCEMENT',
    ]);
    expect(APPLICATION_STEPS.EXIT).not.toContain('SECOND_NOTICE');
  });

  const deliberated: StatusApplication = {
    kind: 'IDENTIFY',
    fromStatus: 'NON_POOR',
    completedSteps: [{ step: 'VILLAGE_DELIBERATION', date: '2019-03-10', actorRole: 'VILLAGE_CLERK' }],
  };
  const noticed: StatusApplication = {
    ...deliberated,
    completedSteps: [
      ...deliberated.completedSteps,
      { step: 'FIRST_NOTICE', date: '2019-03-17', actorRole: 'VILLAGE_CLERK' },
    ],
  };

  it.each([
    [
      'skipping the first notice',
      deliberated,
      'TOWNSHIP_REVIEW',
      'TOWNSHIP_CLERK',
      '2019-03-30',
      ['OUT_OF_ORDER'],
    ],
    [
      'a township clerk posting the village notice',
      deliberated,
      'FIRST_NOTICE',
      'TOWNSHIP_CLERK',
      '2019-03-17',
      ['WRONG_ROLE'],
    ],
    [
      'a notice dated before the deliberation',
      deliberated,
      'FIRST_NOTICE',
      'VILLAGE_CLERK',
      '2019-03-09',
      ['DATE_BEFORE_PREVIOUS_STEP'],
    ],
    [
      'review on day 5 of a 5-day notice',
      noticed,
      'TOWNSHIP_REVIEW',
      'TOWNSHIP_CLERK',
      '2019-03-21',
      ['NOTICE_NOT_ELAPSED'],
    ],
    ['review the day after the notice ends', noticed, 'TOWNSHIP_REVIEW', 'TOWNSHIP_CLERK', '2019-03-22', []],
    [
      'a village clerk reviewing early',
      noticed,
      'TOWNSHIP_REVIEW',
      'VILLAGE_CLERK',
      '2019-03-18',
      ['WRONG_ROLE', 'NOTICE_NOT_ELAPSED'],
    ],
    [
      'the announcement first',
      { ...deliberated, completedSteps: [] },
      'ANNOUNCEMENT',
      'COUNTY_ADMIN',
      '2019-03-01',
      ['OUT_OF_ORDER'],
    ],
  ] as const)('refuses %s', (_, application, step, role, date, refusals) => {
    const result = nextStep(application, step, role, date, policy);
    expect(result.refusals).toEqual(refusals);
    expect(result.outcome).toBe(refusals.length === 0 ? 'ACCEPTED' : 'REFUSED');
    if (refusals.length > 0) expect(result.application).toBe(application);
  });

  it('gives the exit notice its 7 days (posted 17 March, next step from 24 March)', () => {
    const exit: StatusApplication = {
      kind: 'EXIT',
      fromStatus: 'POOR',
      completedSteps: [
        { step: 'VILLAGE_DELIBERATION', date: '2019-03-10', actorRole: 'VILLAGE_CLERK' },
        { step: 'FIRST_NOTICE', date: '2019-03-17', actorRole: 'VILLAGE_CLERK' },
      ],
    };
    const early = nextStep(exit, 'TOWNSHIP_REVIEW', 'TOWNSHIP_CLERK', '2019-03-23', policy);
    expect(early.refusals).toEqual(['NOTICE_NOT_ELAPSED']);
    expect(early.reasons.find((r) => r.ruleId === 'PROCEDURE.EXIT.NOTICE_DAYS')?.messageZh).toContain(
      '2019-03-24 起方可办理下一步',
    );
    expect(nextStep(exit, 'TOWNSHIP_REVIEW', 'TOWNSHIP_CLERK', '2019-03-24', policy).outcome).toBe(
      'ACCEPTED',
    );
  });

  it('refuses a step not in the procedure and any step after completion', () => {
    const endPolicy: StatusApplication = { kind: 'END_POLICY', fromStatus: 'EXITED', completedSteps: [] };
    expect(nextStep(endPolicy, 'FIRST_NOTICE', 'VILLAGE_CLERK', '2020-01-01', policy).refusals).toEqual([
      'STEP_NOT_IN_PROCEDURE',
    ]);
    const finished = runSteps(endPolicy, APPLICATION_STEPS.END_POLICY, '2020-01-01', 1).at(-1)!.application;
    expect(nextStep(finished, 'ANNOUNCEMENT', 'COUNTY_ADMIN', '2020-02-01', policy).refusals).toEqual([
      'ALREADY_COMPLETE',
    ]);
  });

  it('refuses an application that does not fit the household status', () => {
    const result = nextStep(
      { kind: 'EXIT', fromStatus: 'NON_POOR', completedSteps: [] },
      'VILLAGE_DELIBERATION',
      'VILLAGE_CLERK',
      '2019-03-01',
      policy,
    );
    expect(result).toMatchObject({
      outcome: 'REFUSED',
      refusals: ['TRANSITION_NOT_ALLOWED'],
      status: 'NON_POOR',
    });
    expect(result.reasons[0]?.messageZh).toContain('状态为 NON_POOR 的农户不能办理 EXIT');
  });

  it('rejects stored steps that are not a prefix of the procedure', () => {
    const corrupt: StatusApplication = {
      kind: 'IDENTIFY',
      fromStatus: 'NON_POOR',
      completedSteps: [{ step: 'FIRST_NOTICE', date: '2019-03-10', actorRole: 'VILLAGE_CLERK' }],
    };
    expect(() => nextStep(corrupt, 'TOWNSHIP_REVIEW', 'TOWNSHIP_CLERK', '2019-03-20', policy)).toThrow(
      InvalidInputError,
    );
    expect(() => nextStep(deliberated, 'FIRST_NOTICE', 'VILLAGE_CLERK', '2019-3-20', policy)).toThrow(
      InvalidInputError,
    );
  });

  it('accepts several roles where the procedure allows them', () => {
    const definition = {
      name: 'TEST',
      steps: ['A', 'B'] as const,
      roles: { A: ['VILLAGE_CLERK', 'COUNTY_ADMIN'], B: ['COUNTY_ADMIN'] } as const,
      noticeDays: {},
      source: { document: 'PROJECT_DEFAULT', grade: 'W' } as const,
    };
    expect(attemptStep(definition, [], 'A', 'COUNTY_ADMIN', '2020-01-01').outcome).toBe('ACCEPTED');
  });
});
