import { useCallback, useEffect, useState } from 'react';

function readTownshipId() {
  return new URLSearchParams(window.location.search).get('township');
}

/** The township being looked at (null: the whole jurisdiction), kept in the URL so back/forward and links work. */
export function useDrillDown() {
  const [townshipId, setTownshipId] = useState(readTownshipId);
  useEffect(() => {
    const onPopState = () => setTownshipId(readTownshipId());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const drillTo = useCallback((next: string | null) => {
    const params = new URLSearchParams(window.location.search);
    if (next) params.set('township', next);
    else params.delete('township');
    const query = params.toString();
    window.history.pushState(null, '', query ? `?${query}` : window.location.pathname);
    setTownshipId(next);
  }, []);
  return [townshipId, drillTo] as const;
}
