import { describe, expect, it, vi } from 'vitest';
import { ActionConflictError, ActionDesk } from './action-desk';
import {
  LinkLostError,
  RpcCallError,
  RpcTimeoutError,
  type EndpointLink,
} from '../links/endpoint-link';
import type { ActionRecord, ActionRequest } from '../../../shared/api/actions';
import type { EndpointStatus } from '../../../shared/api/links';
import { RPC_ERRORS, type EnvironmentState } from '../../../shared/protocol';

type RequestFn = (method: string, params: unknown, timeoutMs?: number) => Promise<unknown>;

interface FakeLink {
  status: EndpointStatus;
  request: ReturnType<typeof vi.fn<RequestFn>>;
}

function endpointStatus(overrides: Partial<EndpointStatus> = {}): EndpointStatus {
  return {
    id: 'ep1',
    url: 'ws://ep1:1/',
    name: 'Demo endpoint',
    state: 'open',
    actions: ['deploy.rollback'],
    messageRate: 0,
    framesReceived: 0,
    framesRejected: 0,
    samplesDropped: 0,
    seriesCount: 0,
    recentErrors: [],
    hasToken: false,
    source: 'demo',
    ...overrides,
  };
}

function fakeLink(overrides: Partial<EndpointStatus> = {}, request?: RequestFn): FakeLink {
  return {
    status: endpointStatus(overrides),
    request: vi.fn<RequestFn>(request ?? (() => Promise.resolve({ accepted: true }))),
  };
}

interface SetupOptions {
  readOnly?: () => string | undefined;
  operator?: () => string;
  gateBlock?: (request: ActionRequest) => string | undefined;
  environmentOf?: (
    endpointId: string,
    service: string,
    env: string,
  ) => EnvironmentState | undefined;
}

function setup(link: FakeLink | undefined = fakeLink(), options: SetupOptions = {}) {
  const links = new Map<string, EndpointLink>();
  if (link) links.set(link.status.id, link as unknown as EndpointLink);
  const changes: ActionRecord[] = [];
  let clock = 1000;
  const desk = new ActionDesk({
    links,
    onChange: (record) => changes.push(record),
    operator: options.operator ?? (() => 'alice'),
    readOnly: options.readOnly,
    gateBlock: options.gateBlock,
    environmentOf: options.environmentOf,
    now: () => clock,
  });
  return {
    desk,
    link,
    links,
    changes,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

const request = (overrides: Partial<ActionRequest> = {}): ActionRequest =>
  ({
    endpointId: 'ep1',
    key: 'key-0000000001',
    action: 'deploy.rollback',
    args: { service: 'billing', environment: 'production' },
    ...overrides,
  }) as ActionRequest;

/** A promise whose settlement the test controls. */
function deferred() {
  let resolve!: (value: unknown) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ActionDesk.submit: idempotency', () => {
  it('sends the action to the endpoint once with key, action, args and operator', async () => {
    const { desk, link } = setup();
    const record = await desk.submit(request());
    expect(record.state).toBe('accepted');
    expect(link?.request).toHaveBeenCalledTimes(1);
    expect(link?.request).toHaveBeenCalledWith('action.submit', {
      key: 'key-0000000001',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
      operator: 'alice',
    });
  });

  it('sends the reason when there is one', async () => {
    const { desk, link } = setup();
    await desk.submit(request({ reason: 'error rate at 30%' }));
    expect(link?.request.mock.calls[0]?.[1]).toMatchObject({ reason: 'error rate at 30%' });
  });

  it('same key and same payload returns the existing record without sending again', async () => {
    const { desk, link } = setup();
    const first = await desk.submit(request());
    const second = await desk.submit(request());
    expect(second).toEqual(first);
    expect(link?.request).toHaveBeenCalledTimes(1);
    expect(desk.list()).toHaveLength(1);
  });

  it('same args in another key order are the same payload: no conflict, no second send', async () => {
    const { desk, link } = setup();
    const first = await desk.submit(
      request({ args: { service: 'billing', environment: 'production', toVersion: '2.13.2' } }),
    );
    const again = await desk.submit(
      request({ args: { toVersion: '2.13.2', environment: 'production', service: 'billing' } }),
    );
    expect(again).toEqual(first);
    expect(link?.request).toHaveBeenCalledTimes(1);
  });

  it('different args under the same key are a conflict', async () => {
    const { desk } = setup();
    await desk.submit(request({ args: { service: 'billing', environment: 'production' } }));
    await expect(
      desk.submit(
        request({ args: { service: 'billing', environment: 'production', toVersion: '2.12.0' } }),
      ),
    ).rejects.toThrow(ActionConflictError);
  });

  it('two concurrent submits with the same key send once', async () => {
    const reply = deferred();
    const { desk, link } = setup(fakeLink({}, () => reply.promise));
    const a = desk.submit(request());
    const b = desk.submit(request());
    reply.resolve({ accepted: true });
    const [ra, rb] = await Promise.all([a, b]);
    expect(link?.request).toHaveBeenCalledTimes(1);
    expect(ra.key).toBe(rb.key);
    expect(ra.state).toBe('accepted');
    expect(desk.list()).toHaveLength(1);
    expect(desk.list()[0]?.state).toBe('accepted');
  });

  it('same key with a different payload throws ActionConflictError', async () => {
    const { desk, link } = setup();
    await desk.submit(request());
    await expect(
      desk.submit(request({ args: { service: 'web', environment: 'production' } })),
    ).rejects.toBeInstanceOf(ActionConflictError);
    await expect(
      desk.submit(
        request({ args: { service: 'billing', environment: 'production', toVersion: '2.12.0' } }),
      ),
    ).rejects.toThrow(/key-0000000001/);
    await expect(desk.submit(request({ endpointId: 'ep2' }))).rejects.toBeInstanceOf(
      ActionConflictError,
    );
    await expect(
      desk.submit(
        request({
          action: 'ring.halt',
          args: { service: 'billing', environment: 'production' },
        } as Partial<ActionRequest>),
      ),
    ).rejects.toBeInstanceOf(ActionConflictError);
    expect(link?.request).toHaveBeenCalledTimes(1);
    expect(desk.list()).toHaveLength(1);
    expect(desk.list()[0]?.args).toEqual({ service: 'billing', environment: 'production' });
  });

  it('a different key is a new action and is sent', async () => {
    const { desk, link } = setup();
    await desk.submit(request());
    await desk.submit(request({ key: 'key-0000000002' }));
    expect(link?.request).toHaveBeenCalledTimes(2);
    expect(desk.list().map((r) => r.key)).toEqual(['key-0000000001', 'key-0000000002']);
  });
});

describe('ActionDesk.submit: refusals', () => {
  it('rejects an action for an unknown endpoint without sending', async () => {
    const { desk, link } = setup();
    const record = await desk.submit(request({ endpointId: 'elsewhere' }));
    expect(record.state).toBe('rejected');
    expect(record.message).toBe('Endpoint elsewhere is not known to the console');
    expect(link?.request).not.toHaveBeenCalled();
  });

  it.each(['connecting', 'reconnecting', 'failed'] as const)(
    'rejects an action for a %s endpoint without sending',
    async (state) => {
      const { desk, link } = setup(fakeLink({ state }));
      const record = await desk.submit(request());
      expect(record.state).toBe('rejected');
      expect(record.message).toBe(`Endpoint Demo endpoint is ${state}: actions need a live link`);
      expect(link?.request).not.toHaveBeenCalled();
    },
  );

  it('sends over a degraded link: it is still live', async () => {
    const { desk, link } = setup(fakeLink({ state: 'degraded' }));
    const record = await desk.submit(request());
    expect(record.state).toBe('accepted');
    expect(link?.request).toHaveBeenCalledTimes(1);
  });

  it('rejects an action the endpoint does not offer without sending', async () => {
    const { desk, link } = setup(fakeLink({ actions: [] }));
    const record = await desk.submit(request());
    expect(record.state).toBe('rejected');
    expect(record.message).toBe(
      'Endpoint Demo endpoint does not offer “Roll back” (deploy.rollback)',
    );
    expect(link?.request).not.toHaveBeenCalled();
  });

  it('a refused key stays refused: resubmitting returns the rejection, still without sending', async () => {
    const link = fakeLink({ state: 'reconnecting' });
    const { desk } = setup(link);
    await desk.submit(request());
    link.status = { ...link.status, state: 'open' };
    const again = await desk.submit(request());
    expect(again.state).toBe('rejected');
    expect(link.request).not.toHaveBeenCalled();
  });

  it('refuses every action with the readOnly() text while the display profile is on', async () => {
    let display = true;
    const { desk, link } = setup(fakeLink(), {
      readOnly: () => (display ? 'this console runs the read-only display profile' : undefined),
    });
    const record = await desk.submit(request());
    expect(record.state).toBe('rejected');
    expect(record.message).toBe('this console runs the read-only display profile');
    expect(link?.request).not.toHaveBeenCalled();
    display = false;
    expect((await desk.submit(request({ key: 'key-0000000002' }))).state).toBe('accepted');
    expect(link?.request).toHaveBeenCalledTimes(1);
  });

  it('the readOnly refusal wins even for an unknown endpoint', async () => {
    const { desk } = setup(fakeLink(), { readOnly: () => 'read-only' });
    const record = await desk.submit(request({ endpointId: 'elsewhere' }));
    expect(record.message).toBe('read-only');
  });
});

describe('ActionDesk.submit: replies', () => {
  it("an accepted reply gives 'accepted' with no message", async () => {
    const { desk } = setup();
    const record = await desk.submit(request());
    expect(record.state).toBe('accepted');
    expect(record.message).toBeUndefined();
  });

  it("{accepted:false, reason} gives 'rejected' with that reason", async () => {
    const { desk } = setup(
      fakeLink({}, () => Promise.resolve({ accepted: false, reason: 'billing is busy' })),
    );
    const record = await desk.submit(request());
    expect(record.state).toBe('rejected');
    expect(record.message).toBe('billing is busy');
  });

  it.each([
    [new RpcTimeoutError('action.submit', 10_000), 'no reply to action.submit within 10000 ms'],
    [new LinkLostError(), 'link lost before the endpoint replied'],
  ])(
    "a request failing with %s gives 'unknown' and asks to check the endpoint",
    async (error, msg) => {
      const { desk } = setup(fakeLink({}, () => Promise.reject(error)));
      const record = await desk.submit(request());
      expect(record.state).toBe('unknown');
      expect(record.message).toBe(`${msg}: check the endpoint`);
    },
  );

  it("decides by the error's type, not its words: a plain error saying 'no reply' is a rejection", async () => {
    const { desk } = setup(
      fakeLink({}, () => Promise.reject(new Error('no reply to action.submit, link lost'))),
    );
    const record = await desk.submit(request());
    expect(record.state).toBe('rejected');
    expect(record.message).toBe('no reply to action.submit, link lost');
  });

  it("other request errors give 'rejected' with the error message", async () => {
    const { desk } = setup(
      fakeLink({}, () => Promise.reject(new Error('endpoint ep1 is not connected'))),
    );
    const record = await desk.submit(request());
    expect(record.state).toBe('rejected');
    expect(record.message).toBe('endpoint ep1 is not connected');
  });

  it("a malformed reply gives 'rejected'", async () => {
    const { desk } = setup(fakeLink({}, () => Promise.resolve({ ok: 'sure' })));
    const record = await desk.submit(request());
    expect(record.state).toBe('rejected');
    expect(record.message).toBeTruthy();
  });
});

describe('ActionDesk records', () => {
  it('carry the operator at submission time, the request and the timestamps', async () => {
    let who = 'alice';
    const { desk, tick } = setup(fakeLink(), { operator: () => who });
    const first = await desk.submit(request({ reason: 'why not' }));
    // Strict: no field left over as undefined (no fromVersion where none is known).
    expect(first).toStrictEqual({
      endpointId: 'ep1',
      key: 'key-0000000001',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
      reason: 'why not',
      state: 'accepted',
      operator: 'alice',
      submittedAt: 1000,
      updatedAt: 1000,
    });
    who = 'bob';
    tick(10);
    const second = await desk.submit(request({ key: 'key-0000000002' }));
    expect(second.operator).toBe('bob');
    expect(desk.list()[0]?.operator).toBe('alice');
  });

  it('a refused record carries the operator too', async () => {
    const { desk } = setup(fakeLink({ state: 'failed' }));
    expect((await desk.submit(request())).operator).toBe('alice');
  });
});

describe('ActionDesk.status', () => {
  it('moves an accepted action to running and then succeeded', async () => {
    const { desk } = setup();
    await desk.submit(request());
    desk.status('ep1', { key: 'key-0000000001', state: 'running', message: 'rolling back' });
    expect(desk.list()[0]).toMatchObject({ state: 'running', message: 'rolling back' });
    desk.status('ep1', { key: 'key-0000000001', state: 'succeeded' });
    expect(desk.list()[0]?.state).toBe('succeeded');
    expect(desk.list()[0]?.message).toBeUndefined();
  });

  it('ignores unknown keys', async () => {
    const { desk, changes } = setup();
    await desk.submit(request());
    const before = changes.length;
    desk.status('ep1', { key: 'key-unknown-1', state: 'running' });
    expect(desk.list()).toHaveLength(1);
    expect(desk.list()[0]?.state).toBe('accepted');
    expect(changes).toHaveLength(before);
  });

  it('ignores updates for the key coming from another endpoint', async () => {
    const { desk, changes } = setup();
    await desk.submit(request());
    const before = changes.length;
    desk.status('ep2', { key: 'key-0000000001', state: 'failed', message: 'spoofed' });
    expect(desk.list()[0]?.state).toBe('accepted');
    expect(changes).toHaveLength(before);
  });

  it.each(['succeeded', 'failed', 'cancelled'] as const)(
    'never changes a final %s state',
    async (final) => {
      const { desk, changes } = setup();
      await desk.submit(request());
      desk.status('ep1', { key: 'key-0000000001', state: final });
      expect(desk.list()[0]?.state).toBe(final);
      const before = changes.length;
      desk.status('ep1', { key: 'key-0000000001', state: 'running' });
      desk.status('ep1', { key: 'key-0000000001', state: 'accepted' });
      desk.status('ep1', {
        key: 'key-0000000001',
        state: final === 'succeeded' ? 'failed' : 'succeeded',
      });
      expect(desk.list()[0]?.state).toBe(final);
      expect(changes).toHaveLength(before);
    },
  );

  it('never changes a rejected action', async () => {
    const { desk } = setup(fakeLink({ actions: [] }));
    await desk.submit(request());
    desk.status('ep1', { key: 'key-0000000001', state: 'succeeded' });
    expect(desk.list()[0]?.state).toBe('rejected');
  });

  it('an unknown outcome can still be resolved by a later status', async () => {
    const { desk } = setup(fakeLink({}, () => Promise.reject(new LinkLostError())));
    await desk.submit(request());
    desk.status('ep1', { key: 'key-0000000001', state: 'succeeded' });
    expect(desk.list()[0]?.state).toBe('succeeded');
  });

  it("an 'accepted' status moves an unknown record to accepted", async () => {
    const { desk } = setup(fakeLink({}, () => Promise.reject(new LinkLostError())));
    await desk.submit(request());
    desk.status('ep1', { key: 'key-0000000001', state: 'accepted' });
    expect(desk.list()[0]?.state).toBe('accepted');
    // The unknown outcome's "check the endpoint" is gone, field and all.
    expect(desk.list()[0]).not.toHaveProperty('message');
  });

  it("an 'accepted' status is ignored once the record is running", async () => {
    const { desk, changes } = setup();
    await desk.submit(request());
    desk.status('ep1', { key: 'key-0000000001', state: 'running' });
    const before = changes.length;
    desk.status('ep1', { key: 'key-0000000001', state: 'accepted' });
    expect(desk.list()[0]?.state).toBe('running');
    expect(changes).toHaveLength(before);
  });

  it("an 'accepted' status is ignored once the record is accepted (no duplicate change)", async () => {
    const { desk, changes } = setup();
    await desk.submit(request());
    const before = changes.length;
    desk.status('ep1', { key: 'key-0000000001', state: 'accepted' });
    expect(changes).toHaveLength(before);
  });

  it("an 'accepted' reply arriving after a 'running' status does not move the record back", async () => {
    const reply = deferred();
    const { desk } = setup(fakeLink({}, () => reply.promise));
    const pending = desk.submit(request());
    desk.status('ep1', { key: 'key-0000000001', state: 'running' });
    reply.resolve({ accepted: true });
    const record = await pending;
    expect(record.state).toBe('running');
    expect(desk.list()[0]?.state).toBe('running');
  });

  it("an 'accepted' reply arriving after 'succeeded' keeps 'succeeded'", async () => {
    const reply = deferred();
    const { desk } = setup(fakeLink({}, () => reply.promise));
    const pending = desk.submit(request());
    desk.status('ep1', { key: 'key-0000000001', state: 'succeeded' });
    reply.resolve({ accepted: true });
    expect((await pending).state).toBe('succeeded');
  });
});

describe('ActionDesk.reconcile', () => {
  /** A desk with one action whose submit reply was lost, then `action.get` answered by `get`. */
  async function lostReply(get: (params: unknown) => Promise<unknown>) {
    let first = true;
    const link = fakeLink({}, (method, params) => {
      if (method === 'action.submit' && first) {
        first = false;
        return Promise.reject(new LinkLostError());
      }
      if (method === 'action.get') return get(params);
      return Promise.resolve({ accepted: true });
    });
    const ctx = setup(link);
    await ctx.desk.submit(request());
    expect(ctx.desk.list()[0]?.state).toBe('unknown');
    return { ...ctx, link };
  }

  it('asks action.get for the key and takes the state the endpoint reports', async () => {
    const { desk, link } = await lostReply(() =>
      Promise.resolve({ key: 'key-0000000001', state: 'succeeded', message: 'rolled back' }),
    );
    await desk.reconcile('ep1');
    expect(link.request).toHaveBeenLastCalledWith('action.get', { key: 'key-0000000001' });
    expect(desk.list()[0]).toMatchObject({ state: 'succeeded', message: 'rolled back' });
  });

  it("an 'accepted' answer moves an unknown record to accepted", async () => {
    const { desk } = await lostReply(() =>
      Promise.resolve({ key: 'key-0000000001', state: 'accepted' }),
    );
    await desk.reconcile('ep1');
    expect(desk.list()[0]?.state).toBe('accepted');
  });

  it('unknownAction means the action never ran: failed, with that explanation', async () => {
    const { desk, tick, changes } = await lostReply(() =>
      Promise.reject(new RpcCallError('no such action', RPC_ERRORS.unknownAction)),
    );
    tick(250);
    await desk.reconcile('ep1');
    expect(desk.list()[0]).toMatchObject({
      state: 'failed',
      message: 'the endpoint has no record of this action: it did not run',
      updatedAt: 1250,
    });
    expect(changes.at(-1)?.state).toBe('failed');
  });

  it('other RPC errors, timeouts and malformed answers leave the record as it was', async () => {
    for (const get of [
      () => Promise.reject(new RpcCallError('boom', RPC_ERRORS.internalError)),
      () => Promise.reject(new RpcTimeoutError('action.get', 10_000)),
      () => Promise.resolve({ key: 'key-0000000001', state: 'exploded' }),
    ]) {
      const { desk, changes } = await lostReply(get);
      const before = changes.length;
      await expect(desk.reconcile('ep1')).resolves.toBeUndefined();
      expect(desk.list()[0]?.state).toBe('unknown');
      expect(changes).toHaveLength(before);
    }
  });

  it('asks only about non-final actions of that endpoint', async () => {
    const link = fakeLink({}, (method, params) => {
      if (method === 'action.get') {
        return Promise.resolve({ key: (params as { key: string }).key, state: 'running' });
      }
      return Promise.resolve({ accepted: true });
    });
    const { desk } = setup(link);
    await desk.submit(request({ key: 'key-open-0001' }));
    await desk.submit(request({ key: 'key-done-0001' }));
    desk.status('ep1', { key: 'key-done-0001', state: 'succeeded' });
    await desk.submit(
      request({ key: 'key-refused-1', action: 'ring.halt' } as Partial<ActionRequest>),
    );
    link.request.mockClear();
    await desk.reconcile('ep1');
    expect(link.request.mock.calls).toEqual([['action.get', { key: 'key-open-0001' }]]);
    expect(desk.list().map((r) => [r.key, r.state])).toEqual([
      ['key-open-0001', 'running'],
      ['key-done-0001', 'succeeded'],
      ['key-refused-1', 'rejected'],
    ]);
  });

  it('asks each endpoint only about its own actions', async () => {
    const answer = (method: string, params: unknown) =>
      method === 'action.get'
        ? Promise.resolve({ key: (params as { key: string }).key, state: 'running' })
        : Promise.resolve({ accepted: true });
    const ep1 = fakeLink({}, answer);
    const ep2 = fakeLink({ id: 'ep2' }, answer);
    const { desk, links } = setup(ep1);
    links.set('ep2', ep2 as unknown as EndpointLink);
    await desk.submit(request({ key: 'key-ep1-00001' }));
    await desk.submit(request({ endpointId: 'ep2', key: 'key-ep2-00001' }));
    ep1.request.mockClear();
    ep2.request.mockClear();
    await desk.reconcile('ep1');
    expect(ep1.request.mock.calls).toEqual([['action.get', { key: 'key-ep1-00001' }]]);
    expect(ep2.request).not.toHaveBeenCalled();
    expect(desk.list().map((r) => [r.key, r.state])).toEqual([
      ['key-ep1-00001', 'running'],
      ['key-ep2-00001', 'accepted'],
    ]);
  });

  it('does nothing for an endpoint it has no link to', async () => {
    const { desk, links, link, changes } = await lostReply(() =>
      Promise.resolve({ key: 'key-0000000001', state: 'succeeded' }),
    );
    links.delete('ep1');
    link.request.mockClear();
    const before = changes.length;
    await desk.reconcile('ep1');
    expect(link.request).not.toHaveBeenCalled();
    expect(changes).toHaveLength(before);
    expect(desk.list()[0]?.state).toBe('unknown');
  });
});

describe('ActionDesk onChange', () => {
  it('is called for every transition, in order, with timestamps', async () => {
    const { desk, changes, tick } = setup();
    await desk.submit(request());
    tick(500);
    desk.status('ep1', { key: 'key-0000000001', state: 'running' });
    tick(500);
    desk.status('ep1', { key: 'key-0000000001', state: 'succeeded' });
    expect(changes.map((c) => c.state)).toEqual(['pending', 'accepted', 'running', 'succeeded']);
    expect(changes.every((c) => c.submittedAt === 1000)).toBe(true);
    expect(changes.map((c) => c.updatedAt)).toEqual([1000, 1000, 1500, 2000]);
  });

  it('reports pending then rejected for a refused action', async () => {
    const { desk, changes } = setup(fakeLink({ state: 'reconnecting' }));
    await desk.submit(request());
    expect(changes.map((c) => c.state)).toEqual(['pending', 'rejected']);
  });

  it('is not called again for an idempotent resubmit', async () => {
    const { desk, changes } = setup();
    await desk.submit(request());
    const before = changes.length;
    await desk.submit(request());
    expect(changes).toHaveLength(before);
  });

  it('reports pending before the request is answered', async () => {
    const reply = deferred();
    const { desk, changes } = setup(fakeLink({}, () => reply.promise));
    const pending = desk.submit(request());
    expect(changes.map((c) => c.state)).toEqual(['pending']);
    reply.resolve({ accepted: true });
    await pending;
    expect(changes.map((c) => c.state)).toEqual(['pending', 'accepted']);
  });

  describe('release gates', () => {
    const promote = (extra: Partial<ActionRequest> = {}) =>
      ({
        endpointId: 'ep1',
        key: `promote-${Math.random().toString(36).slice(2, 10)}`,
        action: 'ring.promote',
        args: { service: 'web', environment: 'production' },
        ...extra,
      }) as ActionRequest;
    const blocked = { gateBlock: () => 'Failed requests worse than baseline' };

    it('refuses a promotion the gates block, without sending it', async () => {
      const { desk, link } = setup(fakeLink({ actions: ['ring.promote'] }), blocked);
      const record = await desk.submit(promote());
      expect(record).toMatchObject({
        state: 'rejected',
        message: 'Release gates block promotion: Failed requests worse than baseline',
      });
      expect(link?.request).not.toHaveBeenCalled();
    });

    it('needs a typed reason to override, then sends it with the override recorded', async () => {
      const { desk, link } = setup(fakeLink({ actions: ['ring.promote'] }), blocked);
      const terse = await desk.submit(promote({ override: true, reason: 'ok' }));
      expect(terse.message).toBe('An override needs a typed reason of at least 10 characters');
      const record = await desk.submit(
        promote({ override: true, reason: 'beta errors are a known monitoring artefact' }),
      );
      expect(record).toMatchObject({ state: 'accepted', override: true });
      expect(link?.request).toHaveBeenCalledTimes(1);
    });
  });
});

describe('ActionDesk.submit: where a rollback starts', () => {
  const production = { id: 'production', version: '2.14.0' } as EnvironmentState;

  it('records the version the environment runs at submit time', async () => {
    const environmentOf = vi.fn(() => production);
    const { desk, changes } = setup(fakeLink(), { environmentOf });
    const record = await desk.submit(request());
    expect(environmentOf).toHaveBeenCalledWith('ep1', 'billing', 'production');
    expect(record.fromVersion).toBe('2.14.0');
    expect(changes.every((change) => change.fromVersion === '2.14.0')).toBe(true);
  });

  it('keeps it when the environment moves on', async () => {
    let env = production;
    const { desk } = setup(fakeLink(), { environmentOf: () => env });
    await desk.submit(request());
    env = { ...production, version: '2.13.2' };
    desk.status('ep1', { key: 'key-0000000001', state: 'succeeded' });
    expect(desk.list()[0]).toMatchObject({ state: 'succeeded', fromVersion: '2.14.0' });
  });

  it('records none for other actions, or an environment it does not know', async () => {
    const link = fakeLink({ actions: ['deploy.rollback', 'ring.halt'] });
    const { desk } = setup(link, { environmentOf: () => production });
    const halt = await desk.submit({
      endpointId: 'ep1',
      key: 'key-halt-0001',
      action: 'ring.halt',
      args: { service: 'billing', environment: 'production' },
    });
    expect(halt.fromVersion).toBeUndefined();
    const unknown = setup(fakeLink(), { environmentOf: () => undefined });
    expect((await unknown.desk.submit(request())).fromVersion).toBeUndefined();
  });
});
