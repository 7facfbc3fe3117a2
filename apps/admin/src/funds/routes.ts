import { enumValues } from '@gongjian/ui';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { oneOf, pagingSearch, text, whole } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const fundSourcesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/sources',
  staticData: { title: 'pageFundSources' },
  validateSearch: z.object({ fromYear: whole, toYear: whole, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'FundSourcesRoute'),
});

export const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/projects',
  staticData: { title: 'pageProjects' },
  validateSearch: z.object({
    state: oneOf(enumValues('ProjectState')),
    year: whole,
    search: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'ProjectsRoute'),
});

export const fundAllocationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/allocations',
  staticData: { title: 'pageFundAllocations' },
  validateSearch: z.object({ year: whole, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'FundAllocationsRoute'),
});

export const disbursementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/disbursements',
  staticData: { title: 'pageDisbursements' },
  validateSearch: z.object({ year: whole, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'DisbursementsRoute'),
});

export const noticesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/notices',
  staticData: { title: 'pageNotices' },
  validateSearch: z.object({ subject: oneOf(enumValues('NoticeSubject')), ...pagingSearch }),
  component: lazyRouteComponent(pages, 'NoticesRoute'),
});

export const auditFindingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/findings',
  staticData: { title: 'pageAuditFindings' },
  validateSearch: z.object({ status: oneOf(enumValues('AuditFindingStatus')), ...pagingSearch }),
  component: lazyRouteComponent(pages, 'AuditFindingsRoute'),
});

export const fundsRoutes = [
  fundSourcesRoute,
  projectsRoute,
  fundAllocationsRoute,
  disbursementsRoute,
  noticesRoute,
  auditFindingsRoute,
] as const;
export const fundsMenu = menuSection('funds', 'sectionFunds', fundsRoutes);
