import { type Decision, makeReason, type Reason } from '../explanation';
import { source } from '../sources';

/**
 * The refusals of command-structure writes: one command post per county, one commander per post, a cadre
 * once among a post's members and once (while the membership is open) in a combat group, and an ended
 * membership is history that does not end again.
 */

const SOURCE = source('ARTICLE_2019', 'A', '成立脱贫攻坚战役指挥部, 下设战斗组');

const decide = (reasons: Reason[]): Decision<'PASS' | 'FAIL'> => ({
  outcome: reasons.every((reason) => reason.passed) ? 'PASS' : 'FAIL',
  reasons,
});

/** COMMAND_POST.ONE_PER_COUNTY: a county has one command post. */
export function canCreateCommandPost(existingPosts: number): Decision<'PASS' | 'FAIL'> {
  const passed = existingPosts === 0;
  return decide([
    makeReason({
      ruleId: 'COMMAND_POST.ONE_PER_COUNTY',
      passed,
      facts: { existingPosts },
      source: SOURCE,
      zh: passed ? '本县尚无指挥部' : '本县已有指挥部, 一县只设一个指挥部',
      en: passed ? 'The county has no command post yet' : 'The county already has its one command post',
    }),
  ]);
}

export type CommandPostRole = 'COMMANDER' | 'DEPUTY_COMMANDER';

/** COMMAND_POST.ONE_COMMANDER and COMMAND_POST.MEMBER_ONCE: who may join the command post. */
export function canAddCommandPostMember(
  member: { cadreId: string; role: CommandPostRole },
  current: { cadreIds: readonly string[]; hasCommander: boolean },
): Decision<'PASS' | 'FAIL'> {
  const once = !current.cadreIds.includes(member.cadreId);
  const commander = member.role !== 'COMMANDER' || !current.hasCommander;
  return decide([
    makeReason({
      ruleId: 'COMMAND_POST.MEMBER_ONCE',
      passed: once,
      facts: { cadreId: member.cadreId },
      source: SOURCE,
      zh: once ? '该干部尚未在指挥部任职' : '该干部已是指挥部成员',
      en: once ? 'The cadre is not yet a member of the command post' : 'The cadre is already a member',
    }),
    makeReason({
      ruleId: 'COMMAND_POST.ONE_COMMANDER',
      passed: commander,
      facts: { role: member.role, hasCommander: current.hasCommander },
      source: SOURCE,
      zh: commander ? '指挥长职务可以任命' : '指挥部已有指挥长, 一个指挥部只设一名指挥长',
      en: commander ? 'The role can be filled' : 'The command post already has its one commander',
    }),
  ]);
}

/** COMBAT_GROUP.MEMBER_ONCE: a cadre is once among a group's current members (the leader counts). */
export function canAddCombatGroupMember(
  cadreId: string,
  group: { leaderId: string; currentMemberIds: readonly string[] },
): Decision<'PASS' | 'FAIL'> {
  const passed = cadreId !== group.leaderId && !group.currentMemberIds.includes(cadreId);
  return decide([
    makeReason({
      ruleId: 'COMBAT_GROUP.MEMBER_ONCE',
      passed,
      facts: { cadreId, leaderId: group.leaderId },
      source: SOURCE,
      zh: passed
        ? '该干部尚不在本战斗组'
        : cadreId === group.leaderId
          ? '该干部是本组组长, 不再作为成员加入'
          : '该干部已是本战斗组成员',
      en: passed
        ? 'The cadre is not yet in the group'
        : cadreId === group.leaderId
          ? 'The cadre leads the group and is not added as a member'
          : 'The cadre is already a member of the group',
    }),
  ]);
}

/** COMBAT_GROUP.MEMBERSHIP_OPEN: only an open membership ends (an ended one is the group's history). */
export function canEndCombatGroupMembership(membership: {
  endedOn: string | null;
}): Decision<'PASS' | 'FAIL'> {
  const passed = membership.endedOn === null;
  return decide([
    makeReason({
      ruleId: 'COMBAT_GROUP.MEMBERSHIP_OPEN',
      passed,
      facts: { endedOn: membership.endedOn },
      source: SOURCE,
      zh: passed ? '该成员仍在组' : `该成员已于 ${membership.endedOn} 离组`,
      en: passed ? 'The membership is open' : `The membership already ended on ${membership.endedOn}`,
    }),
  ]);
}

/** COMMAND_POST.MEMBERSHIP_OPEN: only a serving commander or deputy leaves office (an ended one is history). */
export function canEndCommandPostMembership(member: { endedOn: string | null }): Decision<'PASS' | 'FAIL'> {
  const passed = member.endedOn === null;
  return decide([
    makeReason({
      ruleId: 'COMMAND_POST.MEMBERSHIP_OPEN',
      passed,
      facts: { endedOn: member.endedOn },
      source: SOURCE,
      zh: passed ? '该成员仍在任' : `该成员已于 ${member.endedOn} 离任`,
      en: passed ? 'The member is serving' : `The member already left office on ${member.endedOn}`,
    }),
  ]);
}
