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
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useQuery } from 'urql';
import { SelectionProvider } from './selection.tsx';
import { leadershipWords } from './words.ts';

const LeadershipViewerQuery = graphql.persisted(
  'leadership/LeadershipViewer',
  graphql(
    `
    query LeadershipViewer {
      countyToday
      me {
        id
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

// ECharts loads after sign-in, so the login page stays light.
const CockpitScreen = lazy(() =>
  import('./cockpit/CockpitScreen.tsx').then((module) => ({ default: module.CockpitScreen })),
);
const SummaryScreen = lazy(() =>
  import('./summary/SummaryScreen.tsx').then((module) => ({ default: module.SummaryScreen })),
);
const BattleMapScreen = lazy(() =>
  import('./battle-map/BattleMapScreen.tsx').then((module) => ({ default: module.BattleMapScreen })),
);

export function App() {
  const words = useWords(leadershipWords);
  const [{ data, fetching, error }, reexecuteViewer] = useQuery({ query: LeadershipViewerQuery });
  const refreshViewer = useCallback(
    () => reexecuteViewer({ requestPolicy: 'network-only' }),
    [reexecuteViewer],
  );
  useSessionWatch(refreshViewer);
  useEffect(() => {
    document.title = `${words.appName} · ${words.systemName}`;
  }, [words]);

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
      <SelectionProvider>
        <AppShell user={viewer} appName={words.appName}>
          <Suspense fallback={<FullPageSpin />}>
            <CockpitScreen jurisdiction={viewer.jurisdiction} />
            <div className="summary-screen">
              <SummaryScreen jurisdiction={viewer.jurisdiction} />
            </div>
            <div className="battle-map-screen">
              <BattleMapScreen jurisdiction={viewer.jurisdiction} />
            </div>
          </Suspense>
        </AppShell>
      </SelectionProvider>
    </CountyTodayProvider>
  );
}
