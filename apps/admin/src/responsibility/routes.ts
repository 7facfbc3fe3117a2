import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';

const pages = () => import('./pages.tsx');

export const tasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/responsibility/tasks',
  staticData: { title: 'pageTasks' },
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
