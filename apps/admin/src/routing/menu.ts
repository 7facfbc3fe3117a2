import type { AnyRoute } from '@tanstack/react-router';
import type { Permission } from '../shared/viewer.tsx';
import type { AdminWordKey } from '../words.ts';

/** What a page route declares about itself: its name (menu entry and document title) and who may use it. */
export interface PageInfo {
  title: AdminWordKey;
  /** Missing: every signed-in user may open the page. */
  permission?: Permission;
}

export interface MenuSection {
  key: string;
  title: AdminWordKey;
  pages: { to: string; title: AdminWordKey; permission?: Permission }[];
}

/** A mechanism's menu group, one entry per page route, in the order of its route table. */
export function menuSection(key: string, title: AdminWordKey, routes: readonly AnyRoute[]): MenuSection {
  return {
    key,
    title,
    // The routes hang from the root, so their own path is the full one (fullPath is set only once the tree is built).
    pages: routes.map((route) => {
      const { path, staticData } = route.options as { path: string; staticData: PageInfo };
      return { to: path, title: staticData.title, permission: staticData.permission };
    }),
  };
}

/** The menu without the pages the viewer may not use, and without sections left empty. */
export function allowedMenu(sections: readonly MenuSection[], permissions: ReadonlySet<Permission>) {
  return sections
    .map((section) => ({
      ...section,
      pages: section.pages.filter((page) => !page.permission || permissions.has(page.permission)),
    }))
    .filter((section) => section.pages.length > 0);
}
