import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { text } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const unitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation/units',
  staticData: { title: 'pageUnits' },
  component: lazyRouteComponent(pages, 'UnitsRoute'),
});

export const cadresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation/cadres',
  staticData: { title: 'pageCadres' },
  validateSearch: z.object({ unit: text }),
  component: lazyRouteComponent(pages, 'CadresRoute'),
});

export const organisationRoutes = [unitsRoute, cadresRoute] as const;
export const organisationMenu = menuSection('organisation', 'sectionOrganisation', organisationRoutes);
