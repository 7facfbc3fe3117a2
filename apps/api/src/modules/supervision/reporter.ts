import { writeAudit } from '../../audit';
import { builder } from '../../builder';
import { WRITE_ERRORS } from '../../shared/error-types';
import { revealPersonalData } from '../../shared/reveal';
import { requirePermission } from '../../spine/load';
import { Report } from './report';
import type { ReporterView } from './reporter-mask';

// export-sheets.ts reads the mask from here.
export { maskReporter } from './reporter-mask';

/**
 * 举报人身份: a named reporter's name and phone live in `report_reporters`; only `report.identity` (supervision
 * roles) reads them, masked in every read, in full through revealReporter with a reason, and every attempt —
 * refused ones too — is in the audit log without the identity itself.
 */

const FullReporter = builder.objectRef<ReporterView & { reportId: number }>('RevealedReporter').implement({
  description: '举报人完整身份 (only for supervision roles; the look is audited with its reason)',
  fields: (t) => ({
    reportId: t.exposeInt('reportId', { description: '举报 id (row id)' }),
    name: t.exposeString('name', { description: '姓名' }),
    phone: t.exposeString('phone', { nullable: true, description: '联系电话' }),
  }),
});

builder.mutationFields((t) => ({
  revealReporter: t.field({
    type: FullReporter,
    description:
      '查看举报人完整身份 (supervision roles with the unmask right; audited, refused attempts too)',
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.globalID({ required: true, for: [Report], description: '举报' }),
      reason: t.arg.string({ required: true, description: '查看理由' }),
    },
    resolve: async (_root, args, ctx) => {
      const id = Number(args.id.id);
      try {
        requirePermission(ctx, 'report.identity');
      } catch (error) {
        await writeAudit(ctx.db, ctx.viewer, {
          action: 'report.reveal-reporter-refused',
          entityType: 'Report',
          entityId: id,
          after: { field: 'reporter', refusal: 'NOT_SUPERVISION_ROLE' },
          reason: args.reason,
        });
        throw error;
      }
      const row = await revealPersonalData(ctx, {
        entity: '举报人',
        entityType: 'Report',
        field: 'reporter',
        argumentId: String(args.id.id),
        id,
        reason: args.reason,
        load: (reportId) => ctx.db.query.reportReporters.findFirst({ where: { reportId } }),
      });
      return { reportId: row.reportId, name: row.name, phone: row.phone };
    },
  }),
}));
