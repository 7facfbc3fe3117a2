import { meetings, policyDocuments, resolutions } from '@gongjian/db/schema';
import { canChangeRecord, checkWithdrawalDate } from '@gongjian/rules';
import { z } from 'zod';
import { builder } from '../../builder';
import { clock } from '../../clock';
import type { Context } from '../../context';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Meeting } from './meeting';
import { PolicyDocument } from './policy-document';
import { Resolution } from './resolution';

/**
 * 撤回 (withdraw) a meeting, resolution or policy document: the record stays, listed as 已撤回 with the day,
 * the reason and who withdrew it; a withdrawn record is not edited (rule RECORD.WITHDRAWN).
 */

const WithdrawSchema = z.object({
  version: z.number().int().min(1),
  reason: text(500, 2),
  withdrawnOn: z.string(),
});

interface Withdrawable {
  id: number;
  regionPath: string;
  version: number;
  withdrawnOn: string | null;
}

type Table = typeof meetings | typeof resolutions | typeof policyDocuments;

async function withdraw(
  ctx: Context,
  table: Table,
  entity: { type: string; zh: string; action: string },
  row: Withdrawable | undefined,
  recordOn: (row: Withdrawable) => string,
  input: { id: { id: string | number }; version: number; reason: string; withdrawnOn?: string | null },
): Promise<number> {
  const id = Number(input.id.id);
  const found = writableRow(ctx, row, { entity: entity.zh, argument: 'id', id });
  const today = clock.today();
  const values = validate(WithdrawSchema, { ...input, withdrawnOn: input.withdrawnOn ?? today });
  refuseUnless(canChangeRecord(found, 'WITHDRAW'));
  refuseUnless(checkWithdrawalDate(recordOn(found), values.withdrawnOn, today));
  const change = {
    withdrawnOn: values.withdrawnOn,
    withdrawnReason: values.reason,
    withdrawnByName: ctx.viewer!.displayName,
  };
  return writeAudited(ctx, async (tx) => {
    await updateAtVersion(tx, table, { id, version: values.version, entity: entity.zh }, change);
    return audited(entity.type, entity.action, found, {
      before: { withdrawnOn: null },
      after: change,
      reason: values.reason,
    });
  });
}

const WithdrawInput = (name: string, type: typeof Meeting | typeof Resolution | typeof PolicyDocument) =>
  builder.inputType(name, {
    description: '撤回 (the record stays, marked 已撤回)',
    fields: (t) => ({
      id: t.globalID({ required: true, for: [type] }),
      version: t.int({ required: true }),
      reason: t.string({ required: true, description: '撤回理由' }),
      withdrawnOn: t.field({ type: 'Date', required: false, description: '撤回日期 (default today)' }),
    }),
  });

const WithdrawMeetingInput = WithdrawInput('WithdrawMeetingInput', Meeting);
const WithdrawResolutionInput = WithdrawInput('WithdrawResolutionInput', Resolution);
const WithdrawPolicyDocumentInput = WithdrawInput('WithdrawPolicyDocumentInput', PolicyDocument);

builder.mutationFields((t) => ({
  withdrawMeeting: t.drizzleField({
    type: Meeting,
    description: '撤回会议 (kept and shown as 已撤回 with day, reason and who)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: WithdrawMeetingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const row = await ctx.db.query.meetings.findFirst({ where: { id: Number(input.id.id) } });
      const entity = { type: 'Meeting', zh: '会议', action: 'meeting.withdraw' };
      const id = await withdraw(ctx, meetings, entity, row, () => row!.heldOn, input);
      return reread(ctx.db.query.meetings.findFirst(query({ where: { id } })), '会议', id);
    },
  }),
  withdrawResolution: t.drizzleField({
    type: Resolution,
    description: '撤回决议 (kept and shown as 已撤回 with day, reason and who)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: WithdrawResolutionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const row = await ctx.db.query.resolutions.findFirst({ where: { id: Number(input.id.id) } });
      const entity = { type: 'Resolution', zh: '决议', action: 'resolution.withdraw' };
      const id = await withdraw(ctx, resolutions, entity, row, () => row!.adoptedOn, input);
      return reread(ctx.db.query.resolutions.findFirst(query({ where: { id } })), '决议', id);
    },
  }),
  withdrawPolicyDocument: t.drizzleField({
    type: PolicyDocument,
    description: '撤回政策文件 (kept and shown as 已撤回 with day, reason and who)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: WithdrawPolicyDocumentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const row = await ctx.db.query.policyDocuments.findFirst({ where: { id: Number(input.id.id) } });
      const entity = { type: 'PolicyDocument', zh: '政策文件', action: 'policy-document.withdraw' };
      const id = await withdraw(ctx, policyDocuments, entity, row, () => row!.issuedOn, input);
      return reread(ctx.db.query.policyDocuments.findFirst(query({ where: { id } })), '政策文件', id);
    },
  }),
}));

/** The withdrawal fields and the viewerCan… fields every withdrawable record type carries. */
function withdrawalFields(type: typeof Meeting | typeof Resolution | typeof PolicyDocument) {
  builder.drizzleObjectFields(type as typeof Meeting, (t) => ({
    withdrawnOn: t.expose('withdrawnOn', {
      type: 'Date',
      nullable: true,
      description: '撤回日期 (空 = 有效)',
    }),
    withdrawnReason: t.exposeString('withdrawnReason', { nullable: true, description: '撤回理由' }),
    withdrawnByName: t.exposeString('withdrawnByName', { nullable: true, description: '撤回人' }),
    viewerCanEdit: t.boolean({
      description: '我可修改 (role work.write, jurisdiction, rule RECORD.WITHDRAWN)',
      select: { columns: { regionPath: true, withdrawnOn: true } },
      resolve: (row, _args, ctx) =>
        viewerMayChange(ctx, 'work.write', row.regionPath) && canChangeRecord(row, 'EDIT').outcome === 'PASS',
    }),
    viewerCanWithdraw: t.boolean({
      description: '我可撤回 (role work.write, jurisdiction, rule RECORD.WITHDRAWN)',
      select: { columns: { regionPath: true, withdrawnOn: true } },
      resolve: (row, _args, ctx) =>
        viewerMayChange(ctx, 'work.write', row.regionPath) &&
        canChangeRecord(row, 'WITHDRAW').outcome === 'PASS',
    }),
  }));
}

withdrawalFields(Meeting);
withdrawalFields(Resolution);
withdrawalFields(PolicyDocument);
