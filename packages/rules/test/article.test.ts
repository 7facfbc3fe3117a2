/**
 * The seed article's own published figures (《江华县:建立"六大机制"凝聚攻坚合力》, 2019-09-11) fed
 * through the rules. Where the figures break a rule the test asserts that the rules report the breach.
 */
import { describe, expect, it } from 'vitest';
import {
  decideExitReward,
  type FundSource,
  formatWanYuan,
  pairingCapacityFeasibility,
  reconcileFunds,
  teamStaffingFeasibility,
  wanYuan,
  yuan,
} from '../src';
import { jianghua, reason } from './helpers';

const policy = jianghua(2019);

describe('fund sources 2014–2018 against the stated total of 436,011.81 万元', () => {
  const sources: FundSource[] = [
    { key: 'fiscal_poverty', category: 'FISCAL_POVERTY', amountFen: wanYuan('22699') },
    { key: 'integrated_agri', category: 'INTEGRATED_AGRI', amountFen: wanYuan('81000.712') },
    { key: 'credit', category: 'CREDIT', amountFen: wanYuan('34507') },
    { key: 'sector', category: 'SECTOR', amountFen: wanYuan('283076.81') },
    { key: 'social', category: 'SOCIAL', amountFen: wanYuan('4712') },
    { key: 'county_budget', category: 'COUNTY_BUDGET', amountFen: wanYuan('10535') },
  ];
  // "财政涉农整合资金81000.712万元(含纳入整合的财政扶贫资金24758万元)"
  const overlaps = [
    { containerKey: 'integrated_agri', containedKey: 'fiscal_poverty', amountFen: wanYuan('24758') },
  ];
  const result = reconcileFunds(sources, overlaps, wanYuan('436011.81'));

  it('adds the sources to 436,530.522 万元, 518.712 万元 more than stated', () => {
    expect(formatWanYuan(result.grossFen)).toBe('436530.522');
    expect(formatWanYuan(result.grossDifferenceFen)).toBe('518.712');
  });

  it('nets the declared overlap to 411,772.522 万元, 24,239.288 万元 less than stated', () => {
    expect(formatWanYuan(result.netFen)).toBe('411772.522');
    expect(formatWanYuan(result.netDifferenceFen)).toBe('-24239.288');
  });

  it('explains the total by neither reading: a warning, not a failure', () => {
    expect(result.outcome).toBe('UNEXPLAINED');
    expect(result.severity).toBe('WARNING');
    expect(reason(result.reasons, 'FUNDS.GROSS_READING').messageZh).toBe(
      '各来源直接相加 436530.522 万元, 与上报总额 436011.81 万元 多 518.712 万元 (规则 FUNDS.GROSS_READING, 依据 国办《关于支持贫困县开展统筹整合使用财政涉农资金试点的意见》 国办发〔2016〕22号 [N])',
    );
    expect(reason(result.reasons, 'FUNDS.NET_READING').messageZh).toMatch(
      /^扣除重叠后净额 411772\.522 万元, 与上报总额 436011\.81 万元 少 24239\.288 万元/,
    );
  });

  it('notices that the 24,758 万元 overlap is larger than the 22,699 万元 of fiscal poverty funds listed', () => {
    const overlap = reason(result.reasons, 'FUNDS.OVERLAP_FITS');
    expect(overlap.passed).toBe(false);
    expect(overlap.messageZh).toMatch(/超过 fiscal_poverty 列示金额 22699 万元/);
  });
});

describe('work-team members per village ("每个驻村扶贫工作队安排工作队员3人以上")', () => {
  it('347 cadres can staff the 112 poor villages with 3 each (336 needed)', () => {
    const result = teamStaffingFeasibility({ members: 347, villages: 112 }, policy);
    expect(result).toMatchObject({ outcome: 'PASS', minimumMembers: 336, shortfall: 0 });
  });

  it('358 township staff cannot give the 192 non-poor villages 3 each: 1.86 per village, 218 short', () => {
    const result = teamStaffingFeasibility({ members: 358, villages: 192 }, policy);
    expect(result).toMatchObject({ outcome: 'FAIL', minimumMembers: 576, shortfall: 218 });
    expect(result.averagePerVillage).toEqual({ numerator: 358, denominator: 192 });
    expect(result.reasons[0]?.messageZh).toMatch(
      /^192 个村至少需 576 名队员, 仅有 358 名 \(平均每村 1\.86 人\), 缺 218 名, 不可能每村 3 人以上/,
    );
  });

  it('the 705 members in all 304 villages with poor residents fall 207 short of 912', () => {
    const result = teamStaffingFeasibility({ members: 347 + 358, villages: 112 + 192 }, policy);
    expect(result).toMatchObject({ outcome: 'FAIL', minimumMembers: 912, shortfall: 207 });
  });
});

describe('helpers and households ("8996名…结对帮扶…2.8万贫困户…每人帮扶不超过5户")', () => {
  it('8,996 helpers can cover 28,000 households at 5 each (5,600 needed)', () => {
    const result = pairingCapacityFeasibility({ helpers: 8996, households: 28_000 }, policy);
    expect(result).toMatchObject({ outcome: 'PASS', minimumHelpers: 5600 });
  });

  it('5,599 helpers could not', () => {
    expect(pairingCapacityFeasibility({ helpers: 5599, households: 28_000 }, policy).outcome).toBe('FAIL');
  });
});

describe('incentives stated in the article', () => {
  it('rewards a poor village exiting on schedule with 10万元 once', () => {
    const decision = decideExitReward(
      {
        villageId: 'v',
        villageKind: 'POOR_VILLAGE',
        scheduledExitYear: 2018,
        exitYear: 2018,
        rewardAlreadyPaid: false,
      },
      jianghua(2018),
    );
    expect(decision.amountFen).toBe(yuan(100_000));
    expect(formatWanYuan(decision.amountFen)).toBe('10');
  });
});
