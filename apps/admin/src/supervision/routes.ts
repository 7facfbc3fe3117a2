import { enumValues } from '@gongjian/ui';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { flag, oneOf, pagingSearch, text } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervision/reports',
  staticData: { title: 'pageReports', permission: 'SUPERVISION_READ' },
  validateSearch: z.object({
    state: oneOf(enumValues('ReportState')),
    category: oneOf(enumValues('ReportCategory')),
    overdue: flag,
    search: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'ReportsRoute'),
});

export const supervisionRoutes = [reportsRoute] as const;
export const supervisionMenu = menuSection('supervision', 'sectionSupervision', supervisionRoutes);
