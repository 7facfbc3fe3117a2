import { type AnyRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { accessMenu, accessRoutes } from '../access/routes.ts';
import { assistanceMenu, assistanceRoutes } from '../assistance/routes.ts';
import { fundsMenu, fundsRoutes } from '../funds/routes.ts';
import { identificationMenu, identificationRoutes } from '../identification/routes.ts';
import { organisationMenu, organisationRoutes } from '../organisation/routes.ts';
import { responsibilityMenu, responsibilityRoutes } from '../responsibility/routes.ts';
import type { Permission } from '../shared/viewer.tsx';
import { supervisionMenu, supervisionRoutes } from '../supervision/routes.ts';
import type { AdminWordKey } from '../words.ts';
import { workAdvancementMenu, workAdvancementRoutes } from '../work-advancement/routes.ts';
import { rootRoute } from './root.tsx';

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/organisation/units', replace: true });
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  ...organisationRoutes,
  ...workAdvancementRoutes,
  ...responsibilityRoutes,
  ...identificationRoutes,
  ...assistanceRoutes,
  ...fundsRoutes,
  ...supervisionRoutes,
  ...accessRoutes,
]);

/** The console's routes under /admin/ (where the API serves the build); the menu follows the mechanisms' order. */
export const router = createRouter({
  routeTree,
  basepath: '/admin',
  context: {
    menu: [
      organisationMenu,
      workAdvancementMenu,
      responsibilityMenu,
      identificationMenu,
      assistanceMenu,
      fundsMenu,
      supervisionMenu,
      accessMenu,
    ],
  },
  defaultPreload: 'intent',
  scrollRestoration: true,
});

/**
 * Starts fetching the chunk of the page the browser opened on, so it arrives while the viewer is still
 * being fetched instead of after.
 */
export function preloadOpeningPage() {
  for (const match of router.matchRoutes(router.latestLocation)) {
    const route = (router.routesById as Record<string, AnyRoute>)[match.routeId];
    if (route) void router.loadRouteChunk(route);
  }
}

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    title?: AdminWordKey;
    permission?: Permission;
  }
}
