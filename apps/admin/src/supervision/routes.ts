import { enumValues } from '@gongjian/ui';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { flag, oneOf, pagingSearch, someOf, text, texts, whole } from '../routing/search.ts';

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

export const inspectionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervision/inspections',
  staticData: { title: 'pageInspections', permission: 'SUPERVISION_READ' },
  validateSearch: z.object({ search: text, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'InspectionsRoute'),
});

export const villageSupervisorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervision/village-supervisors',
  staticData: { title: 'pageVillageSupervisors', permission: 'SUPERVISION_READ' },
  validateSearch: z.object({ serving: flag, search: text, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'VillageSupervisorsRoute'),
});

export const accountabilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervision/accountability',
  staticData: { title: 'pageAccountability', permission: 'SUPERVISION_READ' },
  validateSearch: z.object({
    year: whole,
    kind: oneOf(enumValues('AccountabilityKind')),
    search: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'AccountabilityRoute'),
});

export const villageAssessmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervision/village-assessments',
  staticData: { title: 'pageVillageAssessments', permission: 'SUPERVISION_READ' },
  validateSearch: z.object({ year: whole, classes: someOf(enumValues('AssessmentClass')), ...pagingSearch }),
  component: lazyRouteComponent(pages, 'VillageAssessmentsRoute'),
});

export const performanceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/supervision/performance',
  staticData: { title: 'pagePerformance', permission: 'SUPERVISION_READ' },
  validateSearch: z.object({
    year: whole,
    belowBonusShare: flag,
    search: text,
    rewardOwed: flag,
    exitCursors: texts,
    exitSize: whole,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'PerformanceRoute'),
});

export const supervisionRoutes = [
  reportsRoute,
  inspectionsRoute,
  villageSupervisorsRoute,
  accountabilityRoute,
  villageAssessmentsRoute,
  performanceRoute,
] as const;
export const supervisionMenu = menuSection('supervision', 'sectionSupervision', supervisionRoutes);
