import type { AssessmentClass } from '../enums';
import { InvalidInputError, requireCount } from '../errors';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import type { Policy } from '../parameters';
import { source } from '../sources';

export interface VillageAssessmentFacts {
  villageId: string;
  /** 自查自评 score. */
  selfScore: number;
  /** 县级复核 score; when present it is the score that counts. */
  reviewScore: number | null;
  /** A veto item failed (一票否决). */
  vetoHit: boolean;
  problemCount: number;
}

/**
 * Village assessment classes (ARTICLE_2019): ≥ 90 and no veto → 达标巩固; 80 up to 90, or a veto at
 * ≥ 80 → 整改提升; under 80 → 黄牌警告; under 80 with at least N problems → 重点管理. Exactly 80 is not
 * "under 80". Only the "<80 with many problems" band is from the article; the rest are parameters.
 */
export function classifyVillageAssessment(
  facts: VillageAssessmentFacts,
  policy: Policy,
): Decision<AssessmentClass> {
  const bands = policy.resolve('villageAssessment.bands');
  const { consolidateMinScore, rectifyMinScore, keyManagementMinProblems } = bands.value;
  const score = facts.reviewScore ?? facts.selfScore;
  requireCount(facts.problemCount, 'problemCount');
  if (!Number.isFinite(score) || score < 0) throw new InvalidInputError('score', `not a score: ${score}`);
  let outcome: AssessmentClass;
  if (score < rectifyMinScore)
    outcome = facts.problemCount >= keyManagementMinProblems ? 'KEY_MANAGEMENT' : 'YELLOW_CARD';
  else if (score >= consolidateMinScore && !facts.vetoHit) outcome = 'CONSOLIDATE';
  else outcome = 'RECTIFY';
  const scoreOrigin = facts.reviewScore === null ? '自评' : '县级复核';
  const zh = {
    CONSOLIDATE: `${scoreOrigin}得分 ${score} 不低于 ${consolidateMinScore} 且无否决项: 达标巩固`,
    RECTIFY: facts.vetoHit
      ? `${scoreOrigin}得分 ${score}, 有否决项: 整改提升`
      : `${scoreOrigin}得分 ${score} 在 ${rectifyMinScore} 至 ${consolidateMinScore} 之间: 整改提升`,
    YELLOW_CARD: `${scoreOrigin}得分 ${score} 低于 ${rectifyMinScore}: 黄牌警告`,
    KEY_MANAGEMENT: `${scoreOrigin}得分 ${score} 低于 ${rectifyMinScore} 且问题 ${facts.problemCount} 个 (≥ ${keyManagementMinProblems}): 黄牌警告、重点管理, 挂牌督办`,
  }[outcome];
  return {
    outcome,
    reasons: [
      makeReason({
        ruleId: `VILLAGE_ASSESSMENT.${outcome}`,
        passed: true,
        params: { consolidateMinScore, rectifyMinScore, keyManagementMinProblems },
        facts: {
          villageId: facts.villageId,
          score,
          selfScore: facts.selfScore,
          reviewScore: facts.reviewScore,
          vetoHit: facts.vetoHit,
          problemCount: facts.problemCount,
        },
        source: bands.source,
        zh,
        en: `Score ${score} (${facts.reviewScore === null ? 'self' : 'county review'}), ${facts.problemCount} problem(s), veto ${facts.vetoHit}: ${outcome}`,
      }),
    ],
  };
}

const SHEET = source(
  'ARTICLE_2019',
  'A',
  'score sheet: weighted items and veto items, as the Yunnan and 岳阳 tables',
);

/** One line of a county review score sheet (复核评分表): a weighted item, or a veto item (一票否决项). */
export interface ScoreSheetItem {
  name: string;
  /** Points the item is worth; 0 for a veto item. */
  weight: number;
  score: number;
  veto: boolean;
  /** A veto item that failed (触及否决项). */
  vetoHit: boolean;
}

const within = (value: number, max: number) => Number.isFinite(value) && value >= 0 && value <= max;

/** ASSESSMENT.SCORE_RANGE: a score is from 0 to 100. */
export function checkAssessmentScore(field: string, score: number): Decision<'PASS' | 'FAIL'> {
  const passed = within(score, 100);
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'ASSESSMENT.SCORE_RANGE',
        passed,
        params: { min: 0, max: 100 },
        facts: { field, score },
        source: SHEET,
        zh: passed ? `得分 ${score} 在 0 至 100 之间` : `得分 ${score} 超出 0 至 100 的范围`,
        en: passed ? `Score ${score} is within 0–100` : `Score ${score} is outside 0–100`,
      }),
    ],
  };
}

/**
 * ASSESSMENT.ITEM_WEIGHT (each item scores from 0 to its weight), ASSESSMENT.WEIGHTS_TOTAL (the weighted
 * items add up to 100) and ASSESSMENT.ITEMS_PRESENT: the score sheet's whole decision, with its total.
 */
export function checkScoreSheet(
  items: readonly ScoreSheetItem[],
): Decision<'PASS' | 'FAIL'> & { total: number; vetoHit: boolean } {
  const weighted = items.filter((item) => !item.veto);
  const weightTotal = weighted.reduce((sum, item) => sum + item.weight, 0);
  const total = Math.round(weighted.reduce((sum, item) => sum + item.score, 0) * 10) / 10;
  const reasons: Reason[] = [
    makeReason({
      ruleId: 'ASSESSMENT.ITEMS_PRESENT',
      passed: weighted.length > 0,
      facts: { items: items.length, weighted: weighted.length },
      source: SHEET,
      zh: weighted.length > 0 ? `评分表有 ${weighted.length} 个计分项` : '评分表至少要有一个计分项',
      en: weighted.length > 0 ? `${weighted.length} weighted item(s)` : 'The sheet needs a weighted item',
    }),
    ...weighted.map((item) => {
      const passed = within(item.weight, 100) && within(item.score, item.weight);
      return makeReason({
        ruleId: 'ASSESSMENT.ITEM_WEIGHT',
        passed,
        facts: { item: item.name, weight: item.weight, score: item.score },
        source: SHEET,
        zh: passed
          ? `「${item.name}」得分 ${item.score} (满分 ${item.weight})`
          : `「${item.name}」得分 ${item.score} 超出 0 至满分 ${item.weight} 的范围`,
        en: passed
          ? `${item.name}: ${item.score} of ${item.weight}`
          : `${item.name}: ${item.score} is outside 0–${item.weight}`,
      });
    }),
    makeReason({
      ruleId: 'ASSESSMENT.WEIGHTS_TOTAL',
      passed: weightTotal === 100,
      params: { total: 100 },
      facts: { weightTotal },
      source: SHEET,
      zh: weightTotal === 100 ? '计分项满分合计 100 分' : `计分项满分合计 ${weightTotal} 分, 应为 100 分`,
      en: `Weights add up to ${weightTotal}${weightTotal === 100 ? '' : ', not 100'}`,
    }),
  ];
  return {
    outcome: allPassed(reasons) ? 'PASS' : 'FAIL',
    reasons,
    total,
    vetoHit: items.some((item) => item.veto && item.vetoHit),
  };
}
