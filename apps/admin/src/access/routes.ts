import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { pagingSearch, text } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const auditLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/access/audit-log',
  staticData: { title: 'pageAuditLog', permission: 'AUDIT_READ' },
  validateSearch: z.object({
    from: text,
    to: text,
    action: text,
    entityType: text,
    actor: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'AuditLogRoute'),
});

export const accessRoutes = [auditLogRoute] as const;
export const accessMenu = menuSection('access', 'sectionAccess', accessRoutes);
