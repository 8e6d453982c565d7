// "Gates block promotion, in the main process": a ring.promote the gates do
// not allow is refused by the console itself and never reaches the endpoint,
// whatever the page shows or sends.
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleCore } from '../../main/core/console-core';
import { startHostileEndpoint } from '../support/hostile-endpoint';
import { waitFor } from '../support/wait-for';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const now = Date.now();
/** Web 5.9.0 in beta, everyone else on 5.8.1, and no gate metric to judge beta by. */
const rollout = JSON.stringify({
  jsonrpc: '2.0',
  method: 'deployments.snapshot',
  params: {
    resourceVersion: 1,
    services: [
      {
        id: 'web',
        name: 'Web app',
        environments: [
          {
            id: 'production',
            version: '5.8.1',
            previousVersions: [],
            status: 'healthy',
            updatedAt: now,
            rings: [
              {
                id: 'beta',
                name: 'beta',
                share: 0.05,
                version: '5.9.0',
                since: now - 600_000,
                status: 'active',
              },
              { id: 'all', name: 'everyone', share: 1, version: '5.8.1' },
            ],
          },
        ],
      },
    ],
  },
});

async function consoleWithRollout(judge = true) {
  const submitted: unknown[] = [];
  const endpoint = await startHostileEndpoint({
    actions: ['ring.promote'],
    afterHello: (socket) => socket.send(rollout),
    onRequest: (_socket, request) => {
      if (request.method === 'action.submit') submitted.push(request.params);
    },
  });
  cleanup.push(() => endpoint.close());
  const core = new ConsoleCore({
    endpoints: [{ url: endpoint.url, source: 'cli' }],
    clientVersion: 'test',
    flushMs: 50,
  });
  cleanup.push(() => core.stop());
  const endpointId = core.links.keys().next().value as string;
  if (!judge) {
    // The links only, not the clock: the deployments arrive, no evaluation ever runs.
    for (const link of core.links.values()) link.start();
    await waitFor('the link open and the rollout in', async () => {
      const state = await core.getState();
      return state.endpoints[0]?.state === 'open' && state.deployments.length > 0;
    });
    return { core, release: undefined, endpointId, submitted };
  }
  core.start();
  const release = await waitFor('the beta release to be judged', async () =>
    (await core.getState()).releases.find((r) => r.service === 'web' && r.ring.id === 'beta'),
  );
  return { core, release, endpointId, submitted };
}

const promote = (endpointId: string, key: string) =>
  ({
    endpointId,
    key,
    action: 'ring.promote',
    args: { service: 'web', environment: 'production' },
  }) as const;

describe('release gates in the main process', () => {
  it('refuses a promotion the gates block, and sends nothing to the endpoint', async () => {
    const { core, release, endpointId, submitted } = await consoleWithRollout();
    if (!release) throw new Error('no verdict');
    expect(release.promote).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/no gate metrics for beta/),
    });
    const record = await core.submitAction(promote(endpointId, 'gate-block-1'));
    expect(record.state).toBe('rejected');
    expect(record.message).toBe(`Release gates block promotion: ${release.promote.reason}`);
    // Refused before sending: the endpoint saw no action at all.
    expect(submitted).toEqual([]);
  });

  it('refuses a promotion before the gates have judged the release: no verdict is no pass', async () => {
    const { core, endpointId, submitted } = await consoleWithRollout(false);
    expect((await core.getState()).releases).toEqual([]);
    const record = await core.submitAction(promote(endpointId, 'gate-block-2'));
    expect(record.state).toBe('rejected');
    expect(record.message).toBe(
      'Release gates block promotion: the gates have not judged this release yet',
    );
    expect(submitted).toEqual([]);
  });
});
