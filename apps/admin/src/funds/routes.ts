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
  validateSearch: z.object({ fromYear: whole, toYear: whole }),
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

export const fundsRoutes = [fundSourcesRoute, projectsRoute] as const;
export const fundsMenu = menuSection('funds', 'sectionFunds', fundsRoutes);
