import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';

const pages = () => import('./pages.tsx');

export const commandStructureRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work-advancement/command-structure',
  staticData: { title: 'pageCommand' },
  component: lazyRouteComponent(pages, 'CommandStructureRoute'),
});

export const meetingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work-advancement/meetings',
  staticData: { title: 'pageMeetings' },
  component: lazyRouteComponent(pages, 'MeetingsRoute'),
});

export const resolutionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work-advancement/resolutions',
  staticData: { title: 'pageResolutions' },
  component: lazyRouteComponent(pages, 'ResolutionsRoute'),
});

export const documentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work-advancement/documents',
  staticData: { title: 'pageDocuments' },
  component: lazyRouteComponent(pages, 'DocumentsRoute'),
});

export const workAdvancementRoutes = [
  commandStructureRoute,
  meetingsRoute,
  resolutionsRoute,
  documentsRoute,
] as const;
export const workAdvancementMenu = menuSection(
  'work-advancement',
  'sectionWorkAdvancement',
  workAdvancementRoutes,
);
