// What a patch does to the rings: ring by ring from the first by default,
// every ring at once only when the operator chose "all rings now".
import { describe, expect, it } from 'vitest';
import type { EnvironmentState, Ring } from '../../../../../shared/protocol';
import { ringsPatched } from '../../../../../endpoints/demo/scenarios/ring-steps';

const ring = (id: string, share: number): Ring => ({ id, name: id, share, version: '5.8.1' });
const RINGS = [ring('internal', 0.01), ring('beta', 0.05), ring('all', 1)];

/** After a rollback to 5.8.1: every ring on it, 5.9.0 before it. The patch has just landed. */
const afterRollback = (): EnvironmentState => ({
  id: 'production',
  version: '5.8.2',
  previousVersions: ['5.8.1', '5.9.0'],
  status: 'healthy',
  updatedAt: 0,
  rings: RINGS,
});

const versions = (env: EnvironmentState) => env.rings?.map((r) => `${r.id}=${r.version}`);

describe('ringsPatched', () => {
  it('with no release moving, the patch starts in the first ring only', () => {
    const env = ringsPatched(afterRollback(), '5.8.2', 1_000);
    expect(versions(env)).toEqual(['internal=5.8.2', 'beta=5.8.1', 'all=5.8.1']);
    expect(env.rings?.[0]).toMatchObject({ status: 'active', since: 1_000 });
  });

  it('"all rings now" puts every ring on the patch, no ring left rolling', () => {
    const env = ringsPatched(afterRollback(), '5.8.2', 1_000, true);
    expect(versions(env)).toEqual(['internal=5.8.2', 'beta=5.8.2', 'all=5.8.2']);
    expect(env.rings?.every((r) => r.status === undefined && r.since === 1_000)).toBe(true);
  });
});
