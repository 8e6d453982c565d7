import { describe, expect, it } from 'vitest';
import { DeploymentsLog } from '../../../../endpoints/demo/deployments-log';
import type { DeploymentsChange } from '../../../../shared/protocol';

const V0 = 1_700_000_000_000;
const change = (resourceVersion: number): DeploymentsChange => ({
  resourceVersion,
  removed: `svc-${resourceVersion}`,
});

/** A log holding the changes V0+1 .. V0+n, the current version being V0+n. */
function logOf(n: number, keep?: number) {
  const log = new DeploymentsLog(keep);
  for (let k = 1; k <= n; k += 1) log.record(change(V0 + k));
  return { log, current: V0 + n };
}

describe('DeploymentsLog.since', () => {
  it('is empty for a console already at the current version', () => {
    const { log, current } = logOf(3);
    expect(log.since(current, current)).toEqual([]);
    expect(new DeploymentsLog().since(V0, V0)).toEqual([]);
  });

  it('gives the changes after the version, in order', () => {
    const { log, current } = logOf(5);
    expect(log.since(V0 + 2, current)).toEqual([change(V0 + 3), change(V0 + 4), change(V0 + 5)]);
    expect(log.since(V0 + 4, current)).toEqual([change(V0 + 5)]);
  });

  it('gives every change to a console at the version just before the oldest one kept', () => {
    const { log, current } = logOf(3);
    expect(log.since(V0, current)).toEqual([change(V0 + 1), change(V0 + 2), change(V0 + 3)]);
  });

  it('is undefined when the log no longer reaches back that far', () => {
    const { log, current } = logOf(10, 4);
    expect(log.since(V0 + 6, current)).toEqual([7, 8, 9, 10].map((k) => change(V0 + k)));
    expect(log.since(V0 + 5, current)).toBeUndefined();
    expect(log.since(V0, current)).toBeUndefined();
  });

  it('is undefined when nothing is logged and the console is behind', () => {
    expect(new DeploymentsLog().since(V0, V0 + 1)).toBeUndefined();
  });

  it('is undefined for a version from the future (an earlier run, or another endpoint)', () => {
    const { log, current } = logOf(3);
    expect(log.since(current + 1, current)).toBeUndefined();
    expect(log.since(current + 1_000_000, current)).toBeUndefined();
  });

  it('keeps the newest `keep` changes', () => {
    const { log, current } = logOf(3, 2);
    expect(log.since(V0 + 1, current)).toEqual([change(V0 + 2), change(V0 + 3)]);
    expect(log.since(V0, current)).toBeUndefined();
  });

  it('keeps the last 100 changes by default', () => {
    const { log, current } = logOf(101);
    expect(log.since(V0 + 1, current)).toHaveLength(100);
    expect(log.since(V0, current)).toBeUndefined();
  });
});
