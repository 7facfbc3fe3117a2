import { graphql, isUnauthenticated } from '@gongjian/schema';
import {
  AppShell_user,
  CountyTodayProvider,
  FullPageSpin,
  LoginPage,
  QueryErrorAlert,
  RegionPicker_region,
  useSessionWatch,
  useWords,
} from '@gongjian/ui';
import { RouterProvider } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { preloadOpeningPage, router } from './routing/router.ts';
import { type Viewer, ViewerProvider } from './shared/viewer.tsx';
import { adminWords } from './words.ts';

preloadOpeningPage();

const AdminViewerQuery = graphql.persisted(
  'admin/AdminViewer',
  graphql(
    `
    query AdminViewer {
      countyToday
      me {
        id
        mayUnmask
        permissions
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
  const refreshViewer = useCallback(
    () => reexecuteViewer({ requestPolicy: 'network-only' }),
    [reexecuteViewer],
  );
  useSessionWatch(refreshViewer);
  const me = data?.me;
  const viewer = useMemo<Viewer | null>(
    () =>
      me
        ? {
            user: me,
            jurisdiction: me.jurisdiction,
            mayUnmask: me.mayUnmask,
            permissions: new Set(me.permissions),
          }
        : null,
    [me],
  );

  if (fetching && !data) return <FullPageSpin />;
  if (error && !isUnauthenticated(error)) {
    return (
      <div style={{ padding: 24 }}>
        <QueryErrorAlert error={error} onRetry={refreshViewer} />
      </div>
    );
  }
  if (!viewer || !data) return <LoginPage appName={words.appName} onSignedIn={refreshViewer} />;

  return (
    <CountyTodayProvider today={data.countyToday}>
      <ViewerProvider viewer={viewer}>
        <RouterProvider router={router} />
      </ViewerProvider>
    </CountyTodayProvider>
  );
}
