import type { DbHandle } from '@gongjian/db';
import { exportRouter } from '../../shared/excel-export';
import { SHEETS } from './export-sheets';

/**
 * GET /supervision/export/<list>?<the list's filters> → the list as Excel, inside the viewer's jurisdiction:
 * reports, inspection-findings, village-supervisors, accountability, village-assessments, exit-rewards,
 * performance. The audit row of the export holds the list and filter, never a reporter's identity.
 */
export const supervisionRoutes = (handle: DbHandle) =>
  exportRouter(handle, { permission: 'supervision.read', action: 'supervision.export', sheets: SHEETS });
