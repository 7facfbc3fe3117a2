import {
  type ActorRole,
  addDays,
  classifyMonitoring,
  MONITORING_STEP_ROLES,
  MONITORING_STEPS,
  type Policy,
} from '@gongjian/rules';
import type { DbExecutor } from '../../client';
import { householdMeasures, monitoringObjects, monitoringSteps } from '../../schema/index';
import { bulkInsert } from '../bulk';
import { type Random, randomDay } from '../random';
import { type PlannedHousehold, plannedIncome, type Story } from './households';
import { actorFor, type StepActors } from './step-actors';

/** Monitoring objects (边缘户 / 监测对象) from the early-2019 screening, with their steps and measures. */

const RISK_BY_CAUSE: Record<string, 'ILLNESS' | 'DISABILITY' | 'SCHOOLING_COST' | 'INCOME_DROP'> = {
  ILLNESS: 'ILLNESS',
  DISABILITY: 'DISABILITY',
  SCHOOLING: 'SCHOOLING_COST',
};

/** The article's sector measures for edge households: housing, social-assistance floor, education aid, disability relief. */
const EDGE_MEASURES = {
  ILLNESS: { kind: 'MEDICAL', description: '落实医疗救助和大病保险倾斜', department: '县医疗保障局' },
  DISABILITY: { kind: 'DISABILITY_RELIEF', description: '残疾人救助: 两项补贴', department: '县残联' },
  SCHOOLING_COST: { kind: 'EDUCATION_AID', description: '教育助学: 学生资助', department: '县教育局' },
  INCOME_DROP: { kind: 'SOCIAL_ASSISTANCE', description: '兜底保障: 临时救助', department: '县民政局' },
  DISASTER: { kind: 'HOUSING', description: '住房保障: 危房改造补助', department: '县住房和城乡建设局' },
  ACCIDENT: { kind: 'SOCIAL_ASSISTANCE', description: '兜底保障: 临时救助', department: '县民政局' },
} as const;

const MONITORED: Story[] = ['EDGE', 'UNSTABLE_EXITED', 'SUDDEN_HARDSHIP'];

export async function seedMonitoring(
  db: DbExecutor,
  random: Random,
  countyId: number,
  plan: PlannedHousehold[],
  idOf: Map<string, number>,
  actors: StepActors,
  policy: Policy,
) {
  const objects = plan
    .filter((h) => MONITORED.includes(h.story))
    .map((h) => {
      const income = plannedIncome(h, 2019);
      const hardship = h.story === 'SUDDEN_HARDSHIP';
      const decision = classifyMonitoring(
        {
          status: h.status,
          income,
          householdSize: income.householdSize,
          rigidSpendingSurge: hardship,
          sharpIncomeDrop: false,
        },
        policy,
      );
      if (decision.outcome === 'NOT_MONITORED')
        throw new Error(`demo household ${h.householdNumber} is not monitored`);
      const riskKind = hardship
        ? random.pick(['ILLNESS', 'DISASTER', 'ACCIDENT'] as const)
        : (RISK_BY_CAUSE[h.mainCause] ?? 'INCOME_DROP');
      const clueOn = randomDay(random, 2019, 1, 2);
      const steps: { step: string; role: ActorRole; actedOn: string }[] = [];
      let date = clueOn;
      for (const step of MONITORING_STEPS) {
        if (steps.length)
          date = addDays(date, steps.at(-1)!.step === 'VILLAGE_NOTICE' ? 5 : random.int(1, 2));
        steps.push({ step, role: MONITORING_STEP_ROLES[step][0]!, actedOn: date });
      }
      return {
        h,
        decision,
        riskKind,
        clueOn,
        steps,
        cadre: random.pick(actors.helpers(h.village.regionPath)),
      };
    });
  const inserted = await bulkInsert<{ id: number; household_id: number }>(
    db,
    monitoringObjects,
    objects.map((o) => ({
      countyId,
      regionPath: o.h.village.regionPath,
      householdId: idOf.get(o.h.householdNumber)!,
      year: 2019,
      type: o.decision.outcome,
      state: 'MONITORED',
      riskKinds: [o.riskKind],
      riskNote:
        o.h.story === 'SUDDEN_HARDSHIP' ? '突发大病或灾害, 刚性支出骤增' : '收入略高于扶贫标准, 存在致贫风险',
      responsibleCadreId: o.cadre.id,
      procedure: 'IDENTIFICATION',
      stepsDone: o.steps.length,
      clueOn: o.clueOn,
      identifiedOn: o.steps.at(-1)!.actedOn,
      classification: o.decision.reasons,
    })),
    { returning: ['id', 'household_id'] },
  );
  const objectOf = new Map(inserted.map((row) => [row.household_id, row.id]));
  const stepRows = objects.flatMap((o) => {
    const objectId = objectOf.get(idOf.get(o.h.householdNumber)!)!;
    return o.steps.map((s, index) => ({
      countyId: countyId,
      regionPath: o.h.village.regionPath,
      monitoringObjectId: objectId,
      procedure: 'IDENTIFICATION',
      sequence: index + 1,
      step: s.step,
      decision: 'APPROVED',
      actorName: actorFor(actors, s.role, o.h.village.regionPath),
      actorRole: s.role,
      actedOn: s.actedOn,
      notes: '',
    }));
  });
  await bulkInsert(db, monitoringSteps, stepRows);
  await bulkInsert(
    db,
    householdMeasures,
    objects.map((o) => {
      const measure = EDGE_MEASURES[o.riskKind];
      return {
        countyId: countyId,
        regionPath: o.h.village.regionPath,
        householdId: idOf.get(o.h.householdNumber)!,
        monitoringObjectId: objectOf.get(idOf.get(o.h.householdNumber)!)!,
        kind: measure.kind,
        description: measure.description,
        department: measure.department,
        status: 'IN_PROGRESS',
        startedOn: addDays(o.steps.at(-1)!.actedOn, 3),
        completedOn: null,
      };
    }),
  );
}
