import { describe, expect, it } from 'vitest';
import { DeploymentsLog } from '../../../../endpoints/buildbot/deployments-log';
import type { ServiceState } from '../../../../shared/protocol';

const service = (id: string, version: string): ServiceState => ({
  id,
  name: id,
  environments: [{ id: 'ci', version, previousVersions: [], status: 'healthy', updatedAt: 1 }],
});

describe('the versioned deployment state', () => {
  it('counts a version per changed service, from the start time, and nothing for no change', () => {
    const log = new DeploymentsLog(1_000);
    expect(
      log.update([service('a', '1'), service('b', '1')]).map((c) => c.resourceVersion),
    ).toEqual([1_001, 1_002]);
    expect(log.update([service('a', '1'), service('b', '1')])).toEqual([]);
    const [change] = log.update([service('a', '2'), service('b', '1')]);
    expect(change).toMatchObject({ resourceVersion: 1_003, service: { id: 'a' } });
    expect(log.update([service('a', '2')])).toEqual([{ resourceVersion: 1_004, removed: 'b' }]);
    expect(log.snapshot()).toEqual({ resourceVersion: 1_004, services: [service('a', '2')] });
  });

  it('resumes from a version it still reaches, and says relist otherwise', () => {
    const log = new DeploymentsLog(1_000, 2);
    log.update([service('a', '1')]);
    log.update([service('a', '2')]);
    log.update([service('a', '3')]);
    expect(log.since(1_003)).toEqual([]);
    expect(log.since(1_002)?.map((c) => c.resourceVersion)).toEqual([1_003]);
    expect(log.since(1_000)).toBeUndefined(); // the log only keeps two
    expect(log.since(2_000)).toBeUndefined(); // newer than ours: another process's
  });
});
