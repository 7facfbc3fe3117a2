import { enumValues } from '@gongjian/ui';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { oneOf, pagingSearch, text, texts } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const unitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation/units',
  staticData: { title: 'pageUnits' },
  validateSearch: z.object({
    search: text,
    kind: oneOf(enumValues('UnitKind')),
    region: texts,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'UnitsRoute'),
});

export const cadresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation/cadres',
  staticData: { title: 'pageCadres' },
  validateSearch: z.object({ unit: text, search: text, region: texts, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'CadresRoute'),
});

export const organisationRoutes = [unitsRoute, cadresRoute] as const;
export const organisationMenu = menuSection('organisation', 'sectionOrganisation', organisationRoutes);
