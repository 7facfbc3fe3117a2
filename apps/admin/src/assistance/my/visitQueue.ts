import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Visits recorded on the device, kept in localStorage until the API has stored them. Each carries the
 * idempotency key it was created with, so a visit sent twice (a lost answer, two tabs) is stored once.
 */
export interface QueuedVisit {
  key: string;
  pairingId: string;
  householdNumber: string;
  occurredAt: string;
  mode: 'IN_PERSON' | 'PHONE' | 'OTHER';
  notes: string;
  householdSigned: boolean;
  helperSigned: boolean;
  villageSigned: boolean;
  /** Set when the API refused the visit (a rule, not the network): shown, kept until discarded. */
  refusal?: string;
}

const storageKey = (userId: string) => `gongjian.visitQueue.${userId}`;

function load(userId: string): QueuedVisit[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedVisit[]) : [];
  } catch {
    return [];
  }
}

function save(userId: string, visits: QueuedVisit[]) {
  localStorage.setItem(storageKey(userId), JSON.stringify(visits));
}

export function newVisitKey(): string {
  return `visit-${crypto.randomUUID()}`;
}

/** The outcome of sending one visit: stored (or stored before), refused by a rule, or not sent (no network). */
export type SendOutcome = { kind: 'stored' } | { kind: 'refused'; message: string } | { kind: 'offline' };

/**
 * The queue of one user's visits and its sync: `add` keeps a visit and tries to send it; `sync` sends
 * what is pending, oldest first, stopping at the first network failure; it runs again when the browser
 * says it is back online.
 */
export function useVisitQueue(
  userId: string,
  send: (visit: QueuedVisit) => Promise<SendOutcome>,
  onStored: () => void,
) {
  const [queue, setQueue] = useState<QueuedVisit[]>(() => load(userId));
  const [syncing, setSyncing] = useState(false);
  const running = useRef(false);
  const [online, setOnline] = useState(() => navigator.onLine);

  const update = useCallback(
    (change: (current: QueuedVisit[]) => QueuedVisit[]) => {
      const next = change(load(userId));
      save(userId, next);
      setQueue(next);
    },
    [userId],
  );

  const sync = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setSyncing(true);
    let stored = 0;
    try {
      for (const visit of load(userId).filter((v) => !v.refusal)) {
        const outcome = await send(visit);
        if (outcome.kind === 'offline') break;
        if (outcome.kind === 'stored') stored += 1;
        update((current) =>
          outcome.kind === 'stored'
            ? current.filter((v) => v.key !== visit.key)
            : current.map((v) => (v.key === visit.key ? { ...v, refusal: outcome.message } : v)),
        );
      }
    } finally {
      running.current = false;
      setSyncing(false);
    }
    if (stored > 0) onStored();
  }, [onStored, send, update, userId]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [sync]);

  return {
    queue,
    pending: queue.filter((v) => !v.refusal).length,
    syncing,
    online,
    sync,
    add: (visit: QueuedVisit) => {
      update((current) => [...current, visit]);
      void sync();
    },
    discard: (key: string) => update((current) => current.filter((v) => v.key !== key)),
  };
}
