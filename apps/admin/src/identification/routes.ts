import { enumValues } from '@gongjian/ui';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { menuSection } from '../routing/menu.ts';
import { rootRoute } from '../routing/root.tsx';
import { flag, oneOf, pagingSearch, someOf, text, texts, whole } from '../routing/search.ts';

const pages = () => import('./pages.tsx');

export const householdsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/households',
  staticData: { title: 'pageHouseholds', permission: 'HOUSEHOLD_READ' },
  validateSearch: z.object({
    search: text,
    /** The region picker's path, county first; the list shows the last region and below. */
    region: texts,
    status: someOf(enumValues('HouseholdStatus')),
    attribute: oneOf(enumValues('HouseholdAttribute')),
    cause: oneOf(enumValues('PovertyCause')),
    monitored: flag,
    /** The household whose drawer is open. */
    household: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'HouseholdsRoute'),
});

export const applicationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/applications',
  staticData: { title: 'pageApplications', permission: 'HOUSEHOLD_READ' },
  validateSearch: z.object({
    /** Missing: the applications awaiting the viewer. */
    scope: oneOf(['all']),
    state: oneOf(enumValues('ApplicationState')),
    kind: oneOf(enumValues('ApplicationKind')),
    region: texts,
    /** The application whose procedure drawer is open, and the household opened from it. */
    application: text,
    household: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'ApplicationsRoute'),
});

export const screeningRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/screening',
  staticData: { title: 'pageScreening', permission: 'HOUSEHOLD_READ' },
  validateSearch: z.object({
    /** Missing: the open findings; ALL: every state. */
    state: oneOf([...enumValues('FindingState'), 'ALL']),
    region: texts,
    household: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'ScreeningRoute'),
});

export const monitoringRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/monitoring',
  staticData: { title: 'pageMonitoring', permission: 'HOUSEHOLD_READ' },
  validateSearch: z.object({
    type: oneOf(enumValues('MonitoringType')),
    state: oneOf(enumValues('MonitoringState')),
    region: texts,
    household: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'MonitoringRoute'),
});

export const exitVerificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/exit-verifications',
  staticData: { title: 'pageExitVerifications', permission: 'HOUSEHOLD_READ' },
  validateSearch: z.object({
    search: text,
    year: whole,
    outcome: oneOf(enumValues('ExitVerificationOutcome')),
    region: texts,
    household: text,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'ExitVerificationsRoute'),
});

export const surveySamplesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/samples',
  staticData: { title: 'pageSurveySamples', permission: 'HOUSEHOLD_READ' },
  validateSearch: z.object({
    year: whole,
    kind: oneOf(enumValues('SurveySampleKind')),
    region: texts,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'SurveySamplesRoute'),
});

export const villagePopulationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/village-populations',
  staticData: { title: 'pageVillagePopulations', permission: 'HOUSEHOLD_READ' },
  validateSearch: z.object({ year: whole, region: texts, ...pagingSearch }),
  component: lazyRouteComponent(pages, 'VillagePopulationsRoute'),
});

export const sectorRecordsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/sector-records',
  staticData: { title: 'pageSectorRecords', permission: 'EXCLUSION_SCREEN' },
  validateSearch: z.object({
    search: text,
    kind: oneOf(enumValues('SectorRecordKind')),
    region: texts,
    ...pagingSearch,
  }),
  component: lazyRouteComponent(pages, 'SectorRecordsRoute'),
});

export const ratesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/rates',
  staticData: { title: 'pageRates', permission: 'RATES_READ' },
  component: lazyRouteComponent(pages, 'RatesRoute'),
});

export const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/identification/import',
  staticData: { title: 'pageImport', permission: 'HOUSEHOLD_IMPORT' },
  component: lazyRouteComponent(pages, 'ImportRoute'),
});

export const identificationRoutes = [
  householdsRoute,
  applicationsRoute,
  screeningRoute,
  monitoringRoute,
  exitVerificationsRoute,
  surveySamplesRoute,
  villagePopulationsRoute,
  sectorRecordsRoute,
  ratesRoute,
  importRoute,
] as const;
export const identificationMenu = menuSection(
  'identification',
  'sectionIdentification',
  identificationRoutes,
);
