import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { flag, pagingSearch, text, texts } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const workTeamsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assistance/work-teams',
  staticData: { title: 'pageWorkTeams', permission: 'ASSISTANCE_READ' },
  validateSearch: z.object({
    search: text,
    region: texts,
    /** Also the teams that were withdrawn. */
    all: flag,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'WorkTeamsRoute'),
});

export const pairingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assistance/pairings',
  staticData: { title: 'pagePairings', permission: 'ASSISTANCE_READ' },
  validateSearch: z.object({ search: text, region: texts, all: flag, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'PairingsRoute'),
});

export const complianceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assistance/compliance',
  staticData: { title: 'pageCompliance', permission: 'ASSISTANCE_READ' },
  validateSearch: z.object({
    month: text,
    /** The drill-down: township, then village (Region ids), then helper (a Cadre id), with their names. */
    township: text,
    village: text,
    helper: text,
    names: texts,
    all: flag,
    offset: z.catch(z.optional(z.int()), undefined),
  }),
  component: lazyRouteComponent(pages, 'ComplianceRoute'),
});

export const myHouseholdsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assistance/my',
  staticData: { title: 'pageMyHouseholds', permission: 'VISIT_RECORD' },
  component: lazyRouteComponent(pages, 'MyHouseholdsRoute'),
});

export const activitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assistance/activities',
  staticData: { title: 'pageActivities', permission: 'ASSISTANCE_READ' },
  validateSearch: z.object({
    kind: text,
    search: text,
    region: texts,
    from: text,
    to: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'ActivitiesRoute'),
});

export const assistanceRoutes = [
  workTeamsRoute,
  pairingsRoute,
  complianceRoute,
  activitiesRoute,
  myHouseholdsRoute,
] as const;
export const assistanceMenu = menuSection('assistance', 'sectionAssistance', assistanceRoutes);
