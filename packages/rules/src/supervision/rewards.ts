import type { VillageKind } from '../enums';
import { InvalidInputError } from '../errors';
import { allPassed, type Decision, makeReason } from '../explanation';
import { type Fen, formatYuan, requireNonNegativeFen } from '../money';
import type { Policy } from '../parameters';
import { formatPercent, isAtLeast, ratio } from '../ratio';

export interface ExitRewardFacts {
  villageId: string;
  villageKind: VillageKind;
  /** The year the village was planned to exit. */
  scheduledExitYear: number;
  /** The year it exited; null if it has not. */
  exitYear: number | null;
  rewardAlreadyPaid: boolean;
}

/** 如期脱贫出列的贫困村一次性奖励 (ARTICLE_2019): a poor village that exits on or before schedule, once. */
export function decideExitReward(
  facts: ExitRewardFacts,
  policy: Policy,
): Decision<'ELIGIBLE' | 'NOT_ELIGIBLE'> & { amountFen: Fen } {
  const reward = policy.resolve('villageExitReward');
  const poorVillage = facts.villageKind === 'POOR_VILLAGE';
  const onSchedule = facts.exitYear !== null && facts.exitYear <= facts.scheduledExitYear;
  const reasons = [
    makeReason({
      ruleId: 'EXIT_REWARD.POOR_VILLAGE',
      passed: poorVillage,
      facts: { villageId: facts.villageId, villageKind: facts.villageKind },
      source: reward.source,
      zh: poorVillage ? '该村为贫困村' : '该村不是贫困村, 不享受出列奖励',
      en: poorVillage ? 'A poor village' : 'Not a poor village',
    }),
    makeReason({
      ruleId: 'EXIT_REWARD.ON_SCHEDULE',
      passed: onSchedule,
      facts: { scheduledExitYear: facts.scheduledExitYear, exitYear: facts.exitYear },
      source: reward.source,
      zh: onSchedule
        ? `${facts.exitYear} 年出列, 未晚于计划 ${facts.scheduledExitYear} 年`
        : facts.exitYear === null
          ? '尚未出列'
          : `${facts.exitYear} 年出列, 晚于计划 ${facts.scheduledExitYear} 年`,
      en: onSchedule ? 'Exited on schedule' : 'Not exited on schedule',
    }),
    makeReason({
      ruleId: 'EXIT_REWARD.ONCE',
      passed: !facts.rewardAlreadyPaid,
      facts: { rewardAlreadyPaid: facts.rewardAlreadyPaid },
      source: reward.source,
      zh: facts.rewardAlreadyPaid ? '出列奖励已发放过, 不再发放' : '尚未发放出列奖励',
      en: facts.rewardAlreadyPaid ? 'Already rewarded once' : 'Not yet rewarded',
    }),
  ];
  const eligible = allPassed(reasons);
  return { outcome: eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE', amountFen: eligible ? reward.value : 0, reasons };
}

/** Performance bonus (ARTICLE_2019): at least 50 % of bonuses tied to the campaign; exactly 50 % passes. */
export function checkBonusShare(
  input: { unitId: string; totalBonusFen: Fen; campaignLinkedBonusFen: Fen },
  policy: Policy,
): Decision<'PASS' | 'FAIL'> {
  const minShare = policy.resolve('performance.minBonusShare');
  const total = requireNonNegativeFen(input.totalBonusFen, 'totalBonusFen');
  const linked = requireNonNegativeFen(input.campaignLinkedBonusFen, 'campaignLinkedBonusFen');
  if (total === 0 || linked > total) {
    throw new InvalidInputError(
      'campaignLinkedBonusFen',
      'needs a total above 0 and a linked part not above it',
    );
  }
  const share = ratio(linked, total);
  const passed = isAtLeast(share, minShare.value);
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'PERFORMANCE.BONUS_SHARE',
        passed,
        params: {
          minShare: { numerator: minShare.value.numerator, denominator: minShare.value.denominator },
        },
        facts: {
          unitId: input.unitId,
          totalBonusFen: total,
          campaignLinkedBonusFen: linked,
          share: formatPercent(share),
        },
        source: minShare.source,
        zh: `绩效奖金 ${formatYuan(total)} 元中与脱贫攻坚挂钩 ${formatYuan(linked)} 元 (${formatPercent(share)}), ${passed ? '达到' : '低于'} ${formatPercent(minShare.value)}`,
        en: `${formatPercent(share)} of bonuses tied to the campaign, ${passed ? 'at least' : 'below'} ${formatPercent(minShare.value)}`,
      }),
    ],
  };
}
