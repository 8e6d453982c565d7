import { describe, expect, it } from 'vitest';
import { ActionDesk, type ActionPlan } from '../../../../endpoints/unleash/action-desk';
import type { ActionStatus, ActionSubmitParams } from '../../../../shared/protocol';

function setup(plan: (params: ActionSubmitParams) => ActionPlan) {
  const statuses: ActionStatus[] = [];
  let runs = 0;
  const desk = new ActionDesk({
    plan: (params) => {
      const made = plan(params);
      if ('run' in made) {
        const run = made.run;
        return { ...made, run: () => ((runs += 1), run()) };
      }
      return made;
    },
    publish: (status) => statuses.push(status),
  });
  return { desk, statuses, runs: () => runs };
}

const flip = (key: string, enabled = true): ActionSubmitParams => ({
  key,
  action: 'flag.set',
  args: { service: 'shop', environment: 'production', flag: 'f', enabled },
});

describe('the Unleash bridge’s action desk', () => {
  it('runs a key once, answers a repeat like the first time, and reports the lifecycle', async () => {
    const { desk, statuses, runs } = setup(() => ({
      running: 'flipping',
      run: async () => 'done',
    }));
    expect(desk.submit(flip('key-00001'))).toEqual({ result: { accepted: true } });
    expect(desk.submit(flip('key-00001'))).toEqual({ result: { accepted: true } });
    await desk.idle();
    expect(runs()).toBe(1);
    expect(statuses.map((s) => [s.state, s.message])).toEqual([
      ['accepted', undefined],
      ['running', 'flipping'],
      ['succeeded', 'done'],
    ]);
    expect(desk.get('key-00001')?.state).toBe('succeeded');
  });

  it('answers -32001 to a key reused for other arguments, and runs nothing', async () => {
    const { desk, runs } = setup(() => ({ running: 'r', run: async () => 'ok' }));
    desk.submit(flip('key-00002', true));
    expect(desk.submit(flip('key-00002', false))).toEqual({
      error: { code: -32001, message: 'idempotency key key-00002 was used for a different action' },
    });
    await desk.idle();
    expect(runs()).toBe(1);
  });

  it('refuses a second action on a busy environment, and reports a failure with its reason', async () => {
    let release: (value: string) => void = () => undefined;
    const { desk, statuses } = setup((params) =>
      params.key === 'key-00003'
        ? { running: 'slow', run: () => new Promise<string>((resolve) => (release = resolve)) }
        : {
            running: 'r',
            run: async () => Promise.reject(new Error('Unleash refused it: archived')),
          },
    );
    desk.submit(flip('key-00003'));
    expect(desk.submit(flip('key-00004'))).toEqual({
      result: {
        accepted: false,
        reason: 'shop production is busy: action key-00003 is still running',
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the slow one is running now
    release('ok');
    await desk.idle();
    desk.submit(flip('key-00005'));
    await desk.idle();
    expect(statuses.at(-1)).toMatchObject({
      key: 'key-00005',
      state: 'failed',
      message: 'Unleash refused it: archived',
    });
  });

  it('passes a refusal on as accepted: false', () => {
    const { desk } = setup(() => ({ refused: 'no feature f in Unleash project shop' }));
    expect(desk.submit(flip('key-00006'))).toEqual({
      result: { accepted: false, reason: 'no feature f in Unleash project shop' },
    });
    expect(desk.get('key-00006')).toBeUndefined();
  });
  it('describes every status and action.get with the first submit’s call, operator and reason', async () => {
    const { desk, statuses } = setup(() => ({ running: 'flipping', run: async () => 'done' }));
    const call = { ...flip('key-00010'), operator: 'dana', reason: 'night shift' };
    desk.submit(call);
    desk.submit({ ...call, operator: 'lee', reason: 'double click' });
    await desk.idle();
    const described = {
      action: 'flag.set',
      args: call.args,
      operator: 'dana',
      reason: 'night shift',
    };
    expect(statuses).toHaveLength(3);
    for (const status of statuses) expect(status).toMatchObject(described);
    expect(statuses[0]?.submittedAt).toEqual(expect.any(Number));
    expect(desk.get('key-00010')).toMatchObject({ ...described, state: 'succeeded' });
  });

  it('lists the latest status of each action under way, for a console saying hello', async () => {
    let release: (value: string) => void = () => undefined;
    const { desk } = setup((params) =>
      params.key === 'key-00011'
        ? { running: 'slow', run: () => new Promise<string>((resolve) => (release = resolve)) }
        : { running: 'quick', run: async () => 'done' },
    );
    desk.submit({ ...flip('key-00011'), operator: 'dana' });
    desk.submit({
      key: 'key-00012',
      action: 'flag.set',
      args: { service: 'shop', environment: 'staging', flag: 'f', enabled: true },
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(desk.inFlightStatuses()).toEqual([
      expect.objectContaining({ key: 'key-00011', state: 'running', operator: 'dana' }),
    ]);
    release('done');
    await desk.idle();
    expect(desk.inFlightStatuses()).toEqual([]);
  });
});
