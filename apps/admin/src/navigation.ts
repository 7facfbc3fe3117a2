import { useCallback, useEffect, useState } from 'react';
import type { adminWords } from './words.ts';

type WordKey = keyof (typeof adminWords)['zh-CN'];

export type PageKey =
  | 'units'
  | 'cadres'
  | 'command'
  | 'meetings'
  | 'resolutions'
  | 'documents'
  | 'tasks'
  | 'decompose'
  | 'battleMap'
  | 'households'
  | 'applications'
  | 'screening'
  | 'monitoring'
  | 'rates'
  | 'import';

/**
 * The side menu follows the six mechanisms of DOMAIN.md. A mechanism shows up once it has a page;
 * until then its list stays empty and the menu has no entry for it.
 */
export const menuSections: { key: string; title: WordKey; pages: { key: PageKey; title: WordKey }[] }[] = [
  {
    key: 'organisation',
    title: 'sectionOrganisation',
    pages: [
      { key: 'units', title: 'pageUnits' },
      { key: 'cadres', title: 'pageCadres' },
    ],
  },
  {
    key: 'work-advancement',
    title: 'sectionWorkAdvancement',
    pages: [
      { key: 'command', title: 'pageCommand' },
      { key: 'meetings', title: 'pageMeetings' },
      { key: 'resolutions', title: 'pageResolutions' },
      { key: 'documents', title: 'pageDocuments' },
    ],
  },
  {
    key: 'responsibility',
    title: 'sectionResponsibility',
    pages: [
      { key: 'tasks', title: 'pageTasks' },
      { key: 'decompose', title: 'pageDecompose' },
      { key: 'battleMap', title: 'pageBattleMap' },
    ],
  },
  {
    key: 'identification',
    title: 'sectionIdentification',
    pages: [
      { key: 'households', title: 'pageHouseholds' },
      { key: 'applications', title: 'pageApplications' },
      { key: 'screening', title: 'pageScreening' },
      { key: 'monitoring', title: 'pageMonitoring' },
      { key: 'rates', title: 'pageRates' },
      { key: 'import', title: 'pageImport' },
    ],
  },
  { key: 'assistance', title: 'sectionAssistance', pages: [] },
  { key: 'funds', title: 'sectionFunds', pages: [] },
  { key: 'supervision', title: 'sectionSupervision', pages: [] },
];

const pageKeys = new Set<string>(menuSections.flatMap((section) => section.pages.map((page) => page.key)));

export interface Location {
  page: PageKey;
  /** Cadres page: show the cadres of this unit. */
  unitId: string | null;
}

function readLocation(): Location {
  const params = new URLSearchParams(window.location.search);
  const page = params.get('page') ?? 'units';
  return { page: pageKeys.has(page) ? (page as PageKey) : 'units', unitId: params.get('unit') };
}

/** Page and unit filter live in the query string, so a reload or a shared link lands on the same screen. */
export function useLocationState() {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const onPopState = () => setLocation(readLocation());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback((next: Location) => {
    const params = new URLSearchParams({ page: next.page });
    if (next.unitId) params.set('unit', next.unitId);
    window.history.pushState(null, '', `?${params}`);
    setLocation(next);
  }, []);
  return [location, navigate] as const;
}
