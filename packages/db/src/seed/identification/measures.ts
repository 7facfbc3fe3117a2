import type { Random } from '../random';
import type { PlannedHousehold } from './households';

/** 帮扶措施 of the registered households: one by the household's main cause, often with an industry measure. */

const MEASURE_BY_CAUSE: Record<string, { kind: string; description: string; department: string }> = {
  ILLNESS: {
    kind: 'MEDICAL',
    description: '基本医保、大病保险、医疗救助"一站式"结算, 家庭医生签约服务',
    department: '县医疗保障局',
  },
  DISABILITY: {
    kind: 'DISABILITY_RELIEF',
    description: '困难残疾人生活补贴和重度残疾人护理补贴',
    department: '县残联',
  },
  SCHOOLING: {
    kind: 'EDUCATION_AID',
    description: '建档立卡学生资助, 免除学杂费并发放生活补助',
    department: '县教育局',
  },
  LACK_OF_SKILLS: {
    kind: 'EMPLOYMENT',
    description: '参加职业技能培训并推荐就业',
    department: '县人力资源和社会保障局',
  },
  LACK_OF_CAPITAL: {
    kind: 'MICROCREDIT',
    description: '扶贫小额信贷5万元, 财政贴息',
    department: '县扶贫开发办公室',
  },
  LACK_OF_LABOUR: { kind: 'SOCIAL_ASSISTANCE', description: '纳入农村低保兜底保障', department: '县民政局' },
  DISASTER: { kind: 'HOUSING', description: '灾后房屋修缮补助', department: '县住房和城乡建设局' },
};
const INDUSTRY_MEASURE = {
  kind: 'INDUSTRY',
  description: '产业奖补: 发展香芋、油茶等特色种养',
  department: '县农业农村局',
};

/** The measures of one registered household: whether it also gets the industry measure, then each start month. */
export function plannedMeasures(random: Random, h: PlannedHousehold) {
  const first = MEASURE_BY_CAUSE[h.mainCause] ?? INDUSTRY_MEASURE;
  const chosen = random.next() < 0.5 && first !== INDUSTRY_MEASURE ? [first, INDUSTRY_MEASURE] : [first];
  return chosen.map((m) => ({
    kind: m.kind,
    description: m.description,
    department: m.department,
    status: h.status === 'EXITED' ? 'DONE' : 'IN_PROGRESS',
    startedOn: `${h.identifiedYear ?? 2019}-0${random.int(4, 9)}-15`,
    completedOn: h.status === 'EXITED' ? `${h.exitedYear}-11-30` : null,
  }));
}
