import { AuditLogPage } from './audit-log/AuditLogPage.tsx';

export const AuditLogRoute = AuditLogPage;
