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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { preloadOpeningPage, router } from './routing/router.ts';
import { SessionExpiredModal } from './shared/SessionExpiredModal.tsx';
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
  // Once signed in, a lost session opens a login form over the page instead of replacing the page.
  const signedIn = useRef(false);
  const [sessionLost, setSessionLost] = useState(false);
  const onSessionLost = useCallback(() => {
    if (signedIn.current) setSessionLost(true);
    else refreshViewer();
  }, [refreshViewer]);
  useSessionWatch(onSessionLost);
  const signedInAgain = useCallback(() => {
    setSessionLost(false);
    refreshViewer();
  }, [refreshViewer]);
  const me = data?.me;
  const shown = useRef<{ viewer: Viewer; countyToday: string; userId: string } | null>(null);
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
  const previousUserId = shown.current?.userId;
  useEffect(() => {
    // Someone else signed in over the expired page: drop the previous user's rows with a reload.
    if (me && previousUserId && me.id !== previousUserId) window.location.reload();
  }, [me, previousUserId]);
  if (viewer && data) {
    shown.current = { viewer, countyToday: data.countyToday, userId: me?.id ?? '' };
    signedIn.current = true;
  }
  const current = viewer && data ? shown.current : sessionLost ? shown.current : null;

  if (current) {
    return (
      <CountyTodayProvider today={current.countyToday}>
        <ViewerProvider viewer={current.viewer}>
          <RouterProvider router={router} />
          <SessionExpiredModal open={sessionLost} onSignedIn={signedInAgain} />
        </ViewerProvider>
      </CountyTodayProvider>
    );
  }
  if (fetching && !data) return <FullPageSpin />;
  if (error && !isUnauthenticated(error)) {
    return (
      <div style={{ padding: 24 }}>
        <QueryErrorAlert error={error} onRetry={refreshViewer} />
      </div>
    );
  }
  return <LoginPage appName={words.appName} onSignedIn={refreshViewer} />;
}
