import { useEffect } from 'react';

const sessionLostEvent = 'gongjian:session-lost';

/** For `createGongjianClient({ onUnauthenticated })`: announces that the server no longer knows this session. */
export function announceSessionLost() {
  window.dispatchEvent(new Event(sessionLostEvent));
}

/** Runs `onSessionLost` (normally: re-run the viewer query, which then shows the login page). */
export function useSessionWatch(onSessionLost: () => void) {
  useEffect(() => {
    window.addEventListener(sessionLostEvent, onSessionLost);
    return () => window.removeEventListener(sessionLostEvent, onSessionLost);
  }, [onSessionLost]);
}
