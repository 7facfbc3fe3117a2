import type { EnumValue, FragmentOf } from '@gongjian/schema';
import type { AppShell_user, RegionPicker_region } from '@gongjian/ui';
import { createContext, type ReactNode, useContext } from 'react';

export type Permission = EnumValue<'Permission'>;

/** The signed-in user as every page needs it: where they work and what their roles allow. */
export interface Viewer {
  user: FragmentOf<typeof AppShell_user>;
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  mayUnmask: boolean;
  permissions: ReadonlySet<Permission>;
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside ViewerProvider');
  return viewer;
}

/**
 * Whether the viewer's roles allow an operation (from `me.permissions`). It only hides what would be
 * refused; the server checks every write again.
 */
export function useCan(permission: Permission): boolean {
  return useViewer().permissions.has(permission);
}

/** Renders its children only when the viewer holds the permission. */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : null;
}
