import { describe, expect, it } from 'vitest';
import {
  actionBlocker,
  asCaption,
  BLOCKER,
  endpointBlocker,
  type BlockerInputs,
} from './action-blockers';

const live: BlockerInputs = {
  consoleLinkUp: true,
  endpointId: 'ep1',
  endpoint: { name: 'Demo', state: 'open', actions: ['deploy.rollback', 'ring.promote'] },
};

describe('actionBlocker', () => {
  it('lets an action run when nothing is in its way', () => {
    expect(actionBlocker('deploy.rollback', live)).toBeUndefined();
  });

  it.each([
    [{ kiosk: true }, 'Kiosk mode: actions are off on this screen'],
    [{ consoleLinkUp: false }, 'The console link is down'],
    [{ endpoint: undefined }, 'Endpoint ep1 is not known to the console'],
    [
      { endpoint: { name: 'Demo', state: 'reconnecting', actions: ['deploy.rollback'] } },
      'Endpoint Demo is reconnecting: actions need a live link',
    ],
    [
      { endpoint: { name: 'Demo', state: 'failed', actions: ['deploy.rollback'] } },
      'Endpoint Demo is failed: actions need a live link',
    ],
    [
      { endpoint: { name: 'Demo', state: 'open', actions: ['ring.promote'] } },
      'Endpoint Demo does not offer “Roll back” (deploy.rollback)',
    ],
    [
      { latest: { action: 'ring.promote', state: 'running' } },
      'Waiting for “Promote” (ring.promote): it is still running',
    ],
    [
      { latest: { action: 'deploy.rollback', state: 'pending' } },
      'Waiting for “Roll back” (deploy.rollback): it is still pending',
    ],
  ] as const)('%j: %s', (change, words) => {
    expect(actionBlocker('deploy.rollback', { ...live, ...change })).toBe(words);
  });

  it('does not wait for an action that ended, or whose outcome is unknown', () => {
    for (const state of ['succeeded', 'failed', 'rejected', 'cancelled', 'unknown'] as const) {
      expect(
        actionBlocker('deploy.rollback', { ...live, latest: { action: 'ring.halt', state } }),
      ).toBeUndefined();
    }
  });

  it('acts over a degraded link: it is still live', () => {
    const degraded = { ...live, endpoint: { ...live.endpoint!, state: 'degraded' as const } };
    expect(actionBlocker('deploy.rollback', degraded)).toBeUndefined();
  });

  it('gives the first reason: kiosk before a down link before the endpoint', () => {
    expect(actionBlocker('deploy.rollback', { ...live, kiosk: true, consoleLinkUp: false })).toBe(
      BLOCKER.kiosk,
    );
    expect(
      actionBlocker('deploy.rollback', { ...live, consoleLinkUp: false, endpoint: undefined }),
    ).toBe(BLOCKER.consoleDown);
  });
});

describe('endpointBlocker', () => {
  it('words what the main process refuses as the renderer shows it', () => {
    expect(endpointBlocker('ring.halt', 'ep1', live.endpoint)).toBe(
      'Endpoint Demo does not offer “Halt” (ring.halt)',
    );
    expect(endpointBlocker('ring.halt', 'elsewhere', undefined)).toBe(
      'Endpoint elsewhere is not known to the console',
    );
  });
});

describe('release words', () => {
  it('reads as a reason and as a caption', () => {
    expect(BLOCKER.halted('Beta customers')).toBe('the rollout is halted in Beta customers');
    expect(asCaption(BLOCKER.halted('Beta customers'))).toBe(
      'The rollout is halted in Beta customers',
    );
    expect(BLOCKER.gates('Failed requests worse than baseline')).toBe(
      'Release gates block promotion: Failed requests worse than baseline',
    );
  });
});
