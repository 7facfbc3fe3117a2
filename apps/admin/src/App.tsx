import { graphql, isUnauthenticated } from '@gongjian/schema';
import {
  AppShell,
  AppShell_user,
  CountyTodayProvider,
  FullPageSpin,
  LoginPage,
  QueryErrorAlert,
  RegionPicker_region,
  useSessionWatch,
  useWords,
} from '@gongjian/ui';
import type { MenuProps } from 'antd';
import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { ApplicationsPage } from './identification/applications/ApplicationsPage.tsx';
import { HouseholdsPage } from './identification/households/HouseholdsPage.tsx';
import { ImportPage } from './identification/import/ImportPage.tsx';
import { MonitoringPage } from './identification/monitoring/MonitoringPage.tsx';
import { RatesPage } from './identification/rates/RatesPage.tsx';
import { ScreeningPage } from './identification/screening/ScreeningPage.tsx';
import { menuSections, type PageKey, useLocationState } from './navigation.ts';
import { CadresPage } from './organisation/cadres/CadresPage.tsx';
import { UnitsPage } from './organisation/units/UnitsPage.tsx';
import { BattleMapPage } from './responsibility/battle-map/BattleMapPage.tsx';
import { DecomposePage } from './responsibility/decompose/DecomposePage.tsx';
import { TasksPage } from './responsibility/tasks/TasksPage.tsx';
import { adminWords } from './words.ts';
import { CommandStructurePage } from './work-advancement/command-structure/CommandStructurePage.tsx';
import { DocumentsPage } from './work-advancement/documents/DocumentsPage.tsx';
import { MeetingsPage } from './work-advancement/meetings/MeetingsPage.tsx';
import { ResolutionsPage } from './work-advancement/resolutions/ResolutionsPage.tsx';

const AdminViewerQuery = graphql.persisted(
  'admin/AdminViewer',
  graphql(
    `
    query AdminViewer {
      countyToday
      me {
        id
        mayUnmask
        ...AppShell_user
        jurisdiction {
          ...RegionPicker_region
        }
      }
    }
  `,
    [AppShell_user, RegionPicker_region],
  ),
);

export function App() {
  const words = useWords(adminWords);
  const [{ data, fetching, error }, reexecuteViewer] = useQuery({ query: AdminViewerQuery });
  const [location, navigate] = useLocationState();
  const refreshViewer = useCallback(
    () => reexecuteViewer({ requestPolicy: 'network-only' }),
    [reexecuteViewer],
  );
  useSessionWatch(refreshViewer);

  const menuItems = useMemo<MenuProps['items']>(
    () =>
      menuSections
        .filter((section) => section.pages.length > 0)
        .map((section) => ({
          type: 'group',
          key: section.key,
          label: words[section.title],
          children: section.pages.map((page) => ({ key: page.key, label: words[page.title] })),
        })),
    [words],
  );

  if (fetching && !data) return <FullPageSpin />;
  if (error && !isUnauthenticated(error)) {
    return (
      <div style={{ padding: 24 }}>
        <QueryErrorAlert error={error} onRetry={refreshViewer} />
      </div>
    );
  }
  const viewer = data?.me;
  if (!viewer) return <LoginPage appName={words.appName} onSignedIn={refreshViewer} />;

  return (
    <CountyTodayProvider today={data.countyToday}>
      <AppShell
        user={viewer}
        appName={words.appName}
        menu={{
          items: menuItems,
          selectedKey: location.page,
          onSelect: (page) => navigate({ page: page as PageKey, unitId: null }),
        }}
      >
        {location.page === 'units' && (
          <UnitsPage
            jurisdiction={viewer.jurisdiction}
            onShowCadres={(unitId) => navigate({ page: 'cadres', unitId })}
          />
        )}
        {location.page === 'cadres' && (
          <CadresPage
            jurisdiction={viewer.jurisdiction}
            mayUnmask={viewer.mayUnmask}
            unitId={location.unitId}
            onUnitChange={(unitId) => navigate({ page: 'cadres', unitId })}
          />
        )}
        {location.page === 'command' && <CommandStructurePage />}
        {location.page === 'meetings' && <MeetingsPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'resolutions' && <ResolutionsPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'documents' && <DocumentsPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'tasks' && <TasksPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'decompose' && <DecomposePage />}
        {location.page === 'battleMap' && <BattleMapPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'households' && (
          <HouseholdsPage
            jurisdiction={viewer.jurisdiction}
            onImport={() => navigate({ page: 'import', unitId: null })}
          />
        )}
        {location.page === 'applications' && <ApplicationsPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'screening' && <ScreeningPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'monitoring' && <MonitoringPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'rates' && <RatesPage jurisdiction={viewer.jurisdiction} />}
        {location.page === 'import' && <ImportPage />}
      </AppShell>
    </CountyTodayProvider>
  );
}
