import { enumValues } from '@gongjian/ui';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { oneOf, pagingSearch, text } from '../routing/search.ts';

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
  validateSearch: z.object({
    type: oneOf(enumValues('MeetingType')),
    from: text,
    to: text,
    search: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'MeetingsRoute'),
});

export const resolutionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work-advancement/resolutions',
  staticData: { title: 'pageResolutions' },
  validateSearch: z.object({ search: text, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'ResolutionsRoute'),
});

export const documentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/work-advancement/documents',
  staticData: { title: 'pageDocuments' },
  validateSearch: z.object({
    kind: oneOf(enumValues('PolicyDocumentKind')),
    status: oneOf(enumValues('PolicyDocumentStatus')),
    search: text,
    ...pagingSearch,
  }),
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
