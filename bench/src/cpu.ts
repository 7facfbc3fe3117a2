import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second as /proc reports them (USER_HZ, 100 on every Linux Node runs on). */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process from /proc/<pid>/stat, in CPU milliseconds; 0 if it has exited. */
function processCpuMs(pid: number): { ms: number; ppid: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { ms: (ticks * 1000) / TICKS_PER_SECOND, ppid };
  } catch {
    return { ms: 0, ppid: 0 };
  }
}

/** CPU milliseconds used so far by the API process. */
export function apiCpuMs(pid: number): number {
  return processCpuMs(pid).ms;
}

/**
 * CPU milliseconds used so far by a PostgreSQL server: the postmaster and every live child (backends,
 * WAL writer, checkpointer). A backend that exits between two readings takes its time with it, so the
 * bench keeps its connections open across each operation's load.
 */
export function postgresCpuMs(postmasterPid: number): number {
  let total = processCpuMs(postmasterPid).ms;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const { ms, ppid } = processCpuMs(Number(entry));
    if (ppid === postmasterPid) total += ms;
  }
  return total;
}

/** The postmaster's pid, from the first line of postmaster.pid in the server's data directory. */
export function postmasterPid(dataDirectory: string): number | null {
  try {
    return Number(readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}
