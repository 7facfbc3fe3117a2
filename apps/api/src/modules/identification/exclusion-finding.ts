import { exclusionFindings, type sectorRecordKind } from '@gongjian/db/schema';
import { LABELS_ZH, type Reason } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ConflictError, StepRefusedError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { FindingStateEnum, SectorRecordKindEnum } from './enums';
import { adviceOnStarting, factsRequired } from './facts';
import { Household } from './household';
import { insertApplication, StatusApplication } from './status-application';

import { reasonSchema, versionSchema, yearSchema } from './validation';

/**
 * Exclusion screening (七个不纳入): sector data matched to registered members in one statement, the rules
 * applied per household, and every hit kept as a finding with its evidence until someone confirms it
 * (which starts a removal application) or dismisses it with a reason.
 */

interface EvidenceRecord {
  recordId: number;
  memberId: number;
  kind: (typeof sectorRecordKind.enumValues)[number];
  details: Record<string, string | number | boolean>;
  source: string;
  recordedOn: string;
}

interface ExclusionEvidence {
  facts: Record<string, unknown>;
  params: Record<string, unknown>;
  records: EvidenceRecord[];
}

const EvidenceRecordRef = builder.objectRef<EvidenceRecord>('ExclusionEvidenceRecord').implement({
  description: '比对记录 (one sector record matched to a registered member; no ID number)',
  fields: (t) => ({
    recordId: t.exposeInt('recordId', { description: '记录编号' }),
    memberId: t.exposeInt('memberId', { description: '匹配的家庭成员 (database id)' }),
    kind: t.expose('kind', { type: SectorRecordKindEnum, description: '记录类别' }),
    details: t.field({
      type: 'JSON',
      description: '记录详情 (an object of the sector’s fields)',
      resolve: (r) => r.details,
    }),
    source: t.exposeString('source', { description: '数据来源部门' }),
    recordedOn: t.expose('recordedOn', { type: 'Date', description: '记录日期' }),
  }),
});

const ExclusionEvidenceRef = builder.objectRef<ExclusionEvidence>('ExclusionEvidence').implement({
  description: '筛查证据 (what the exclusion rule saw)',
  fields: (t) => ({
    facts: t.field({ type: 'JSON', description: '规则事实 (an object)', resolve: (e) => e.facts }),
    params: t.field({ type: 'JSON', description: '规则参数 (an object)', resolve: (e) => e.params }),
    records: t.field({ type: [EvidenceRecordRef], description: '比对记录', resolve: (e) => e.records }),
  }),
});

export const ExclusionFinding = builder.drizzleNode('exclusionFindings', {
  name: 'ExclusionFinding',
  description:
    '七个不纳入筛查结果 (a household an exclusion rule catches, with the evidence and its sources)',
  id: { column: (f) => f.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'household.read' } }),
  fields: (t) => ({
    household: t.relation('household', { type: Household, description: '农户' }),
    ruleId: t.exposeString('ruleId', { description: '规则编号 (PUBLIC_EMPLOYEE, VEHICLE, …)' }),
    ruleLabel: t.string({
      description: '规则名称',
      select: { columns: { ruleId: true } },
      resolve: (f) => LABELS_ZH.exclusionRule[f.ruleId as keyof typeof LABELS_ZH.exclusionRule] ?? f.ruleId,
    }),
    evidence: t.field({
      type: ExclusionEvidenceRef,
      description: '证据 (the rule’s facts and parameters and the sector records behind them; members by id)',
      select: { columns: { evidence: true } },
      resolve: (f) => f.evidence as unknown as ExclusionEvidence,
    }),
    evidenceJson: t.string({
      description:
        '证据 (JSON: the rule’s facts and the sector records behind them; members by id, no ID numbers)',
      deprecationReason: 'use evidence',
      select: { columns: { evidence: true } },
      resolve: (f) => JSON.stringify(f.evidence),
    }),
    sources: t.exposeStringList('sources', { description: '数据来源' }),
    explanation: t.field({
      type: RuleReasonRef,
      description: '规则说明',
      select: { columns: { explanation: true } },
      resolve: (f) => f.explanation as unknown as Reason,
    }),
    state: t.expose('state', { type: FindingStateEnum, description: '状态' }),
    screenedOn: t.expose('screenedOn', { type: 'Date', description: '筛查日期' }),
    decisionReason: t.exposeString('decisionReason', { nullable: true, description: '确认或排除理由' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: '处理时间' }),
    application: t.relation('application', {
      type: StatusApplication,
      nullable: true,
      description: '确认后发起的错评剔除申请',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  exclusionFindings: t.relation('exclusionFindings', {
    type: ExclusionFinding,
    description: '七个不纳入筛查结果',
    query: { orderBy: { id: 'desc' } },
  }),
}));

const DecideFindingInput = builder.inputType('DecideExclusionFindingInput', {
  description: '确认 (starts a removal application assessed on `year`) 或排除 (reason required) 筛查结果',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ExclusionFinding] }),
    version: t.int({ required: true }),
    reason: t.string({ required: true, description: '理由' }),
    year: t.int({ required: false, description: '确认时: 错评剔除申请的研判年度' }),
    date: t.field({ type: 'Date', required: false }),
  }),
});

/** Load: an open finding the viewer may decide, with its household (and village code) in the same statement. */
async function loadFinding(ctx: Context, id: number) {
  const finding = await ctx.db.query.exclusionFindings.findFirst({
    where: { id },
    with: { household: { with: { village: { columns: { code: true } } } } },
  });
  const found = writableRow(ctx, finding, { entity: '筛查结果', argument: 'id', id });
  if (found.state !== 'OPEN') throw new ConflictError(found.version, '该筛查结果已处理');
  return found;
}

builder.queryField('exclusionFindings', (t) =>
  t.drizzleConnection({
    type: 'exclusionFindings',
    description: '七个不纳入筛查结果列表',
    authScopes: { permission: 'household.read' },
    args: {
      state: t.arg({ type: FindingStateEnum, required: false }),
      ruleId: t.arg.string({ required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region] }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(exclusionFindings, findingFilter(exclusionFindings, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.exclusionFindings.findMany(
        query({ where: { RAW: (table) => findingFilter(table, ctx, args)! }, orderBy: { id: 'desc' } }),
      ),
  }),
);

function findingFilter(
  table: typeof exclusionFindings,
  ctx: Context,
  args: {
    state?: 'OPEN' | 'CONFIRMED' | 'DISMISSED' | null;
    ruleId?: string | null;
    regionId?: { id: string | number } | null;
  },
) {
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    inRegionSubtree(table.regionPath, args.regionId),
    args.state ? eq(table.state, args.state) : undefined,
    args.ruleId ? eq(table.ruleId, args.ruleId) : undefined,
  );
}

const DecideSchema = z.object({ reason: reasonSchema, version: versionSchema });

/** The finding's decision, guarded on the version read and on the finding still being open. */
const decided = (finding: { id: number }, version: number) => ({
  id: finding.id,
  version,
  entity: '筛查结果',
  still: eq(exclusionFindings.state, 'OPEN'),
  conflictMessage: '该筛查结果已被他人处理',
});

builder.mutationFields((t) => ({
  confirmExclusionFinding: t.drizzleField({
    type: ExclusionFinding,
    description: '确认筛查结果: starts a REMOVE_WRONGLY_INCLUDED application in the same transaction',
    authScopes: { permission: 'exclusion.decide' },
    errors: { types: [StepRefusedError, ...WRITE_ERRORS] },
    args: { input: t.arg({ type: DecideFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const finding = await loadFinding(ctx, Number(input.id.id));
      const { reason, version, year } = validate(DecideSchema.extend({ year: yearSchema }), input);
      const startedOn = actedOn(input.date);
      const { household } = finding;
      const kind = 'REMOVE_WRONGLY_INCLUDED';
      const advice = await adviceOnStarting(ctx.db, household.id, { kind, year, onDate: startedOn });
      if (!advice) throw factsRequired(year);
      const id = await writeAudited(ctx, async (tx) => {
        const application = await insertApplication(tx, ctx, {
          household,
          kind,
          year,
          reason: `七个不纳入筛查确认: ${reason}`,
          againstAdviceReason: advice.supports ? null : reason,
          advice,
          startedOn,
          exclusionFindingId: finding.id,
        });
        const set = {
          state: 'CONFIRMED' as const,
          decisionReason: reason,
          decidedByUserId: ctx.viewer!.id,
          decidedAt: sql`now()`,
          applicationId: application.id,
        };
        await updateAtVersion(tx, exclusionFindings, decided(finding, version), set);
        const audit = {
          before: { state: 'OPEN' },
          after: { state: 'CONFIRMED', applicationId: application.id },
          reason,
        };
        return {
          id: finding.id,
          audit: {
            action: 'exclusion.confirm',
            entityType: 'ExclusionFinding',
            entityId: finding.id,
            regionPath: finding.regionPath,
            ...audit,
          },
        };
      });
      return reread(ctx.db.query.exclusionFindings.findFirst(query({ where: { id } })), '筛查结果', id);
    },
  }),
  dismissExclusionFinding: t.drizzleField({
    type: ExclusionFinding,
    description: '排除筛查结果 (a written reason is required; the same evidence never reopens it)',
    authScopes: { permission: 'exclusion.decide' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: DecideFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const finding = await loadFinding(ctx, Number(input.id.id));
      const { reason, version } = validate(DecideSchema, input);
      const id = await writeAudited(ctx, async (tx) => {
        const set = {
          state: 'DISMISSED' as const,
          decisionReason: reason,
          decidedByUserId: ctx.viewer!.id,
          decidedAt: sql`now()`,
        };
        await updateAtVersion(tx, exclusionFindings, decided(finding, version), set);
        const audit = { before: { state: 'OPEN' }, after: { state: 'DISMISSED' }, reason };
        return {
          id: finding.id,
          audit: {
            action: 'exclusion.dismiss',
            entityType: 'ExclusionFinding',
            entityId: finding.id,
            regionPath: finding.regionPath,
            ...audit,
          },
        };
      });
      return reread(ctx.db.query.exclusionFindings.findFirst(query({ where: { id } })), '筛查结果', id);
    },
  }),
}));
