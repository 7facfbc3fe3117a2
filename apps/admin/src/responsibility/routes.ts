import { enumValues } from '@gongjian/ui';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { oneOf, pagingSearch, text, texts } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const tasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/responsibility/tasks',
  staticData: { title: 'pageTasks' },
  validateSearch: z.object({
    /** Missing: every task of the jurisdiction. */
    scope: oneOf(['mine', 'myUnit']),
    status: oneOf(enumValues('DerivedTaskStatus')),
    level: text,
    region: texts,
    search: text,
    /** The day the statuses are computed for; missing: the county's today. */
    asOf: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'TasksRoute'),
});

export const decomposeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/responsibility/decompose',
  staticData: { title: 'pageDecompose', permission: 'TASK_WRITE' },
  component: lazyRouteComponent(pages, 'DecomposeRoute'),
});

export const battleMapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/responsibility/battle-map',
  staticData: { title: 'pageBattleMap' },
  component: lazyRouteComponent(pages, 'BattleMapRoute'),
});

export const responsibilityRoutes = [tasksRoute, decomposeRoute, battleMapRoute] as const;
export const responsibilityMenu = menuSection(
  'responsibility',
  'sectionResponsibility',
  responsibilityRoutes,
);
