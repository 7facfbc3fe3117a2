import { describe, expect, it } from 'vitest';
import {
  InvalidInputError,
  rankWarnings,
  reconciliationLight,
  shareLight,
  targetLight,
  type Warning,
} from '../src';

const label = { labelZh: '逾期任务', labelEn: 'overdue tasks' };

describe('a share light: green at none, red at the threshold share or more, amber between', () => {
  it.each([
    [0, 100, 'GREEN'],
    [1, 100, 'AMBER'],
    [9, 100, 'AMBER'],
    [10, 100, 'RED'],
    [100, 100, 'RED'],
    [0, 0, 'GREEN'],
  ] as const)('%i of %i with red at 10 %% → %s', (bad, total, light) => {
    const result = shareLight('SUMMARY.TASKS_OVERDUE', { bad, total, ...label }, 10);
    expect(result.light).toBe(light);
    expect(result.reason.ruleId).toBe('SUMMARY.TASKS_OVERDUE');
    expect(result.reason.passed).toBe(light === 'GREEN');
    expect(result.reason.facts).toEqual({ bad, total });
    expect(result.reason.messageZh).toContain(`逾期任务 ${bad} / ${total}`);
    expect(result.reason.messageEn).toContain(`overdue tasks ${bad} of ${total}`);
  });

  it('says in both languages that a red share reached the threshold', () => {
    const red = shareLight('SUMMARY.TASKS_OVERDUE', { bad: 5, total: 10, ...label }, 10);
    expect(red.reason.messageZh).toMatch(/^红灯: 逾期任务 5 \/ 10, 达到 10% 以上/);
    expect(red.reason.messageEn).toMatch(/^red: overdue tasks 5 of 10, 10% or more/);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => shareLight('X', { bad: -1, total: 3, ...label }, 10)).toThrow(InvalidInputError);
    expect(() => shareLight('X', { bad: 1, total: 1.5, ...label }, 10)).toThrow(InvalidInputError);
  });
});

describe('a target light: red when the target is missed, amber within the margin, green otherwise', () => {
  const incidence = { targetBp: 200, below: true, labelZh: '贫困发生率', labelEn: 'incidence' };
  const recognition = { targetBp: 9000, below: false, labelZh: '认可度', labelEn: 'recognition' };
  it.each([
    [incidence, 100, 'GREEN'],
    [incidence, 149, 'GREEN'],
    [incidence, 150, 'AMBER'],
    [incidence, 199, 'AMBER'],
    [incidence, 200, 'RED'],
    [recognition, 9600, 'GREEN'],
    [recognition, 9050, 'AMBER'],
    [recognition, 9000, 'AMBER'],
    [recognition, 8999, 'RED'],
  ] as const)('%o at %i bp with a 50 bp margin → %s', (target, valueBp, light) => {
    const result = targetLight('SUMMARY.RATE', { ...target, valueBp }, 50);
    expect(result.light).toBe(light);
    expect(result.reason.facts).toEqual({ valueBp, targetBp: target.targetBp });
    expect(result.reason.params).toEqual({ marginBp: 50 });
  });

  it('names the value, the target and the verdict', () => {
    const result = targetLight('SUMMARY.RATE', { ...incidence, valueBp: 180 }, 50);
    expect(result.reason.messageZh).toMatch(/^黄灯: 贫困发生率 1\.80%, 标准 < 2\.00%, 达标但接近标准/);
    expect(result.reason.messageEn).toMatch(/^amber: incidence 1\.80% against < 2\.00%: passes, close/);
    const red = targetLight('SUMMARY.RATE', { ...recognition, valueBp: 8000 }, 50);
    expect(red.reason.messageZh).toContain('认可度 80.00%, 标准 ≥ 90.00%, 未达标');
    expect(red.reason.messageEn).toContain('misses the target');
    const green = targetLight('SUMMARY.RATE', { ...recognition, valueBp: 9900 }, 50);
    expect(green.reason.messageZh).toContain('达标 (');
    expect(green.reason.messageEn).toContain(': passes (');
  });
});

describe('the fund reconciliation light', () => {
  it.each([
    [0, 2, 'GREEN'],
    [1, 2, 'RED'],
    [0, 0, 'AMBER'],
  ] as const)('%i unexplained of %i readings → %s', (unexplained, readings, light) => {
    const result = reconciliationLight({ unexplained, readings });
    expect(result.light).toBe(light);
    expect(result.reason.ruleId).toBe('SUMMARY.FUNDS_RECONCILED');
  });

  it('explains a mismatch and a missing reported total', () => {
    expect(reconciliationLight({ unexplained: 1, readings: 1 }).reason.messageZh).toContain(
      '1 个上报总额中 1 个与来源合计不符',
    );
    expect(reconciliationLight({ unexplained: 0, readings: 0 }).reason.messageEn).toContain(
      'no reported total',
    );
    expect(reconciliationLight({ unexplained: 0, readings: 3 }).reason.messageEn).toContain('0 of 3');
    expect(() => reconciliationLight({ unexplained: -1, readings: 0 })).toThrow(InvalidInputError);
    expect(() => reconciliationLight({ unexplained: 0, readings: -1 })).toThrow(InvalidInputError);
  });
});

describe('ranking the warnings', () => {
  const warning = (ruleId: string, light: 'RED' | 'AMBER' | 'GREEN', count: number): Warning<string> => {
    const base = shareLight(ruleId, { bad: count, total: 100, ...label }, 10);
    return { ...base, light, count, link: ruleId };
  };
  it('puts red first, then the most rows, then by rule id, and drops green', () => {
    const ranked = rankWarnings([
      warning('B', 'AMBER', 5),
      warning('A', 'GREEN', 0),
      warning('C', 'RED', 3),
      warning('D', 'RED', 30),
      warning('F', 'AMBER', 5),
      warning('E', 'AMBER', 5),
    ]);
    expect(ranked.map((w) => w.link)).toEqual(['D', 'C', 'B', 'E', 'F']);
  });
});
