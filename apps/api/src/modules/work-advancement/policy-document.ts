import { policyDocuments, tasks } from '@gongjian/db/schema';
import { and, eq, ilike, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { RuleViolationError, ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { countyOfViewer, writableRow } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';

export const PolicyDocumentKindEnum = builder.enumType('PolicyDocumentKind', {
  description: '"1+X+部门" 政策文件类别',
  values: {
    MASTER: { description: '"1": 县委总体决定 (master decision)' },
    THEMATIC: { description: '"X": 专项配套文件 (thematic document)' },
    DEPARTMENT: { description: '"部门": 部门实施方案 (department plan)' },
  },
});

export const PolicyDocumentStatusEnum = builder.enumType('PolicyDocumentStatus', {
  description: '文件状态',
  values: {
    IN_FORCE: { description: '现行有效' },
    SUPERSEDED: { description: '已被替代 (see supersededBy)' },
  },
});

export const PolicyDocument = builder.drizzleNode('policyDocuments', {
  name: 'PolicyDocument',
  description: '政策文件 ("1+X+部门": master decision, thematic documents, department plans)',
  id: { column: (d) => d.id },
  authScopes: (document) => ({ regionVisible: document.regionPath }),
  fields: (t) => ({
    kind: t.expose('kind', { type: PolicyDocumentKindEnum, description: '类别' }),
    documentNumber: t.exposeString('documentNumber', { description: '文号' }),
    title: t.exposeString('title', { description: '标题' }),
    issuer: t.exposeString('issuer', { description: '发文机关' }),
    issuedOn: t.expose('issuedOn', { type: 'Date', description: '印发日期' }),
    status: t.expose('status', { type: PolicyDocumentStatusEnum, description: '状态' }),
    supersededBy: t.relation('supersededBy', { nullable: true, description: '被哪份文件替代' }),
    taskCount: t.relatedCount('tasks', {
      description: '落实任务数 (tasks implementing it, inside your jurisdiction)',
      where: (_args, ctx) => inJurisdiction(tasks.regionPath, ctx.viewer),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

interface DocumentListArgs {
  kind?: (typeof policyDocuments.$inferSelect)['kind'] | null;
  status?: (typeof policyDocuments.$inferSelect)['status'] | null;
  search?: string | null;
}

function documentListFilter(table: typeof policyDocuments, ctx: Context, args: DocumentListArgs) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    visibleUpOrDown(table.regionPath, ctx.viewer),
    args.kind ? eq(table.kind, args.kind) : undefined,
    args.status ? eq(table.status, args.status) : undefined,
    term
      ? sql`(${ilike(table.title, `%${term}%`)} or ${ilike(table.documentNumber, `%${term}%`)})`
      : undefined,
  )!;
}

builder.queryFields((t) => ({
  policyDocuments: t.drizzleConnection({
    type: 'policyDocuments',
    description: '政策文件列表 ("1+X+部门"; master first, then by date)',
    args: {
      kind: t.arg({ type: PolicyDocumentKindEnum, required: false }),
      status: t.arg({ type: PolicyDocumentStatusEnum, required: false }),
      search: t.arg.string({ required: false, description: '按标题或文号搜索' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(policyDocuments, documentListFilter(policyDocuments, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.policyDocuments.findMany(
        query({
          where: { RAW: (table) => documentListFilter(table, ctx, args) },
          orderBy: { kind: 'asc', issuedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

export const DocumentSchema = z.object({
  kind: z.enum(['MASTER', 'THEMATIC', 'DEPARTMENT']),
  documentNumber: text(60, 2),
  title: text(200, 2),
  issuer: text(200, 2),
  issuedOn: z.string(),
});

const CreatePolicyDocumentInput = builder.inputType('CreatePolicyDocumentInput', {
  description: '登记政策文件 (optionally replacing one in force, which becomes SUPERSEDED)',
  fields: (t) => ({
    kind: t.field({ type: PolicyDocumentKindEnum, required: true }),
    documentNumber: t.string({ required: true, description: '文号 (unique in the county)' }),
    title: t.string({ required: true, description: '标题' }),
    issuer: t.string({ required: true, description: '发文机关' }),
    issuedOn: t.field({ type: 'Date', required: true, description: '印发日期' }),
    supersedesId: t.globalID({ required: false, for: [PolicyDocument], description: '替代的文件' }),
  }),
});

export function mapDuplicateNumber(error: unknown): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') throw ValidationError.field('documentNumber', '本县已有相同文号的文件');
  throw error;
}

builder.mutationFields((t) => ({
  createPolicyDocument: t.drizzleField({
    type: PolicyDocument,
    description: '登记政策文件 (replacing an in-force one marks it SUPERSEDED in the same transaction)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreatePolicyDocumentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyOfViewer(ctx);
      const replacedId = input.supersedesId ? Number(input.supersedesId.id) : null;
      const ref = { entity: '政策文件', argument: 'supersedesId', id: replacedId ?? 0 };
      const replaced =
        replacedId === null
          ? null
          : writableRow(
              ctx,
              await ctx.db.query.policyDocuments.findFirst({ where: { id: replacedId } }),
              ref,
            );
      const values = validate(DocumentSchema, input);
      if (replaced && replaced.status !== 'IN_FORCE')
        throw new RuleViolationError('DOCUMENT.IN_FORCE', '只能替代现行有效的文件');
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(policyDocuments)
          .values({ ...tenant, ...values })
          .returning();
        if (replaced) {
          const guard = { id: replaced.id, version: replaced.version, entity: '政策文件' };
          await updateAtVersion(tx, policyDocuments, guard, {
            status: 'SUPERSEDED',
            supersededById: created!.id,
          });
        }
        const after = { ...created, supersedesId: replacedId };
        return audited('PolicyDocument', 'policy-document.create', created!, { after });
      }).catch(mapDuplicateNumber);
      return reread(ctx.db.query.policyDocuments.findFirst(query({ where: { id } })), '政策文件', id);
    },
  }),
}));
