import { AppShell, useWords } from '@gongjian/ui';
import { createRootRouteWithContext, Outlet, useMatches, useNavigate } from '@tanstack/react-router';
import type { MenuProps } from 'antd';
import { Suspense, useMemo } from 'react';
import { useViewer } from '../shared/viewer.tsx';
import { adminWords } from '../words.ts';
import { allowedMenu, type MenuSection } from './menu.ts';
import { NoPermissionPage, NotFoundPage, PageLoading, useDocumentTitle } from './StatusPages.tsx';

/** The shell around every page: header, the menu the viewer's permissions allow, and the page or a refusal. */
function Shell() {
  const words = useWords(adminWords);
  const viewer = useViewer();
  const { menu } = rootRoute.useRouteContext();
  const navigate = useNavigate();
  const leaf = useMatches({ select: (matches) => matches[matches.length - 1] });
  const page = leaf?.staticData;
  const allowed = !page?.permission || viewer.permissions.has(page.permission);
  useDocumentTitle(page?.title && allowed ? words[page.title] : null);

  const items = useMemo<MenuProps['items']>(
    () =>
      allowedMenu(menu, viewer.permissions).map((section) => ({
        type: 'group',
        key: section.key,
        label: words[section.title],
        children: section.pages.map((entry) => ({ key: entry.to, label: words[entry.title] })),
      })),
    [menu, viewer.permissions, words],
  );

  return (
    <AppShell
      user={viewer.user}
      appName={words.appName}
      menu={{
        items,
        selectedKey: leaf?.fullPath ?? '',
        onSelect: (to) => navigate({ to }),
      }}
    >
      {allowed ? (
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      ) : (
        <NoPermissionPage />
      )}
    </AppShell>
  );
}

export const rootRoute = createRootRouteWithContext<{ menu: readonly MenuSection[] }>()({
  component: Shell,
  notFoundComponent: NotFoundPage,
});
