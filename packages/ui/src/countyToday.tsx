import { createContext, type ReactNode, useContext } from 'react';

const CountyTodayContext = createContext<string | null>(null);

/** Holds the API's `countyToday` for the pages below it: the browser's own clock is never the county's. */
export function CountyTodayProvider({ today, children }: { today: string; children: ReactNode }) {
  return <CountyTodayContext.Provider value={today}>{children}</CountyTodayContext.Provider>;
}

/** Today in the county calendar (YYYY-MM-DD), as the API said when the viewer was loaded. */
export function useCountyToday(): string {
  const today = useContext(CountyTodayContext);
  if (!today)
    throw new Error('useCountyToday needs a CountyTodayProvider (the viewer query gives countyToday)');
  return today;
}
