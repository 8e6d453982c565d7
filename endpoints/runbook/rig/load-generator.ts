// A small, bounded load generator for the rig: checkouts at a fixed rate
// (at most 200 a second, at most 20 in flight) spread over the instances
// listed in the file_sd targets file, loopback addresses only.
import { readFileSync } from 'node:fs';

export interface LoadOptions {
  targetsFile: string;
  /** Requests per second, 1 to 200. */
  rps: number;
  maxInFlight?: number;
  path?: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost):\d+$/;

export interface LoadGenerator {
  readonly sent: number;
  readonly failed: number;
  stop(): void;
}

/** The loopback targets in a file_sd file; anything else is left out. */
export function loopbackTargets(text: string): string[] {
  const groups = JSON.parse(text) as Array<{ targets?: unknown }>;
  return groups
    .flatMap((group) => (Array.isArray(group.targets) ? group.targets : []))
    .filter((target): target is string => typeof target === 'string' && LOOPBACK.test(target));
}

export function startLoad(options: LoadOptions): LoadGenerator {
  const rps = Math.min(200, Math.max(1, Math.round(options.rps)));
  const maxInFlight = Math.min(20, options.maxInFlight ?? 20);
  let targets: string[] = [];
  let readAt = 0;
  let next = 0;
  let inFlight = 0;
  const stats = { sent: 0, failed: 0 };
  const refresh = () => {
    if (Date.now() - readAt < 500) return;
    readAt = Date.now();
    try {
      targets = loopbackTargets(readFileSync(options.targetsFile, 'utf8'));
    } catch {
      // not written yet, or being replaced: keep the last list
    }
  };
  const fire = () => {
    refresh();
    if (targets.length === 0 || inFlight >= maxInFlight) return;
    const target = targets[next++ % targets.length] as string;
    inFlight += 1;
    stats.sent += 1;
    fetch(`http://${target}${options.path ?? '/checkout'}`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.arrayBuffer())
      .catch(() => (stats.failed += 1))
      .finally(() => (inFlight -= 1));
  };
  const timer = setInterval(fire, 1000 / rps);
  return {
    get sent() {
      return stats.sent;
    },
    get failed() {
      return stats.failed;
    },
    stop: () => clearInterval(timer),
  };
}
