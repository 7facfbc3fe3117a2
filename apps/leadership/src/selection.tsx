import { useCountyToday } from '@gongjian/ui';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** The first day the cockpit can be read as of (the API refuses earlier days). */
export const FIRST_DAY = '2014-01-01';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What every panel of the screen shows: one region (county → township → village) on one day. */
export interface Selection {
  townshipId: string | null;
  villageId: string | null;
  asOf: string;
}

interface SelectionState {
  selection: Selection;
  /** The region looked at: the village, else the township, else null (the viewer's jurisdiction). */
  regionId: string | null;
  selectRegion(townshipId: string | null, villageId?: string | null): void;
  setAsOf(asOf: string): void;
}

const SelectionContext = createContext<SelectionState | null>(null);

function readSelection(today: string): Selection {
  const params = new URLSearchParams(window.location.search);
  const asOf = params.get('asOf');
  return {
    townshipId: params.get('township'),
    villageId: params.get('village'),
    asOf: asOf && DAY.test(asOf) && asOf >= FIRST_DAY && asOf <= today ? asOf : today,
  };
}

function writeSelection(selection: Selection, today: string) {
  const params = new URLSearchParams(window.location.search);
  const entries: [string, string | null][] = [
    ['township', selection.townshipId],
    ['village', selection.villageId],
    ['asOf', selection.asOf === today ? null : selection.asOf],
  ];
  for (const [key, value] of entries) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const query = params.toString();
  window.history.pushState(null, '', query ? `?${query}` : window.location.pathname);
}

/**
 * One selection for the whole screen, kept in the URL (`?township=…&village=…&asOf=…`), so the cockpit, the
 * summary and the battle map stay in step, and back/forward and shared links restore it.
 */
export function SelectionProvider({ children }: { children: ReactNode }) {
  const today = useCountyToday();
  const [selection, setSelection] = useState(() => readSelection(today));
  useEffect(() => {
    const onPopState = () => setSelection(readSelection(today));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [today]);
  const change = useCallback(
    (next: Selection) => {
      writeSelection(next, today);
      setSelection(next);
    },
    [today],
  );
  const state = useMemo<SelectionState>(
    () => ({
      selection,
      regionId: selection.villageId ?? selection.townshipId,
      selectRegion: (townshipId, villageId = null) =>
        change({ ...selection, townshipId, villageId: villageId ?? null }),
      setAsOf: (asOf) => {
        if (DAY.test(asOf) && asOf >= FIRST_DAY && asOf <= today) change({ ...selection, asOf });
      },
    }),
    [selection, change, today],
  );
  return <SelectionContext.Provider value={state}>{children}</SelectionContext.Provider>;
}

export function useSelection(): SelectionState {
  const state = useContext(SelectionContext);
  if (!state) throw new Error('useSelection needs a SelectionProvider');
  return state;
}

type Root = { id: string; level: string };

/** The region picker's value for the selection (a township jurisdiction is the picker's first column). */
export function pickerValue(selection: Selection, root: Root): string[] {
  if (root.level === 'TOWNSHIP') return selection.villageId ? [root.id, selection.villageId] : [];
  return [selection.townshipId, selection.townshipId && selection.villageId].filter(
    (id): id is string => !!id,
  );
}

/** The township and village a path chosen in the region picker names. */
export function regionOfPickerPath(path: string[], root: Root): [string | null, string | null] {
  if (root.level === 'TOWNSHIP') return [null, path[1] ?? null];
  return [path[0] ?? null, path[1] ?? null];
}
