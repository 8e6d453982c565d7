// The runbook bridge over real sockets, running real processes: stand-in
// runbooks (small scripts) show what the bridge does with a command that
// fails, hangs, takes its time, outlives the bridge, or is handed hostile
// values. Every frame the bridge sends is checked against the JSON Schema.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRunbookConfig } from '../../endpoints/runbook/runbook-config';
import { startRunbookBridge } from '../../endpoints/runbook/runbook-server';
import { RPC_ERRORS } from '../../shared/protocol';
import { connectRawConsole, type RawConsole } from '../support/prometheus-console';
import { startRunbookBridgeProcess } from '../support/runbook-bridge-process';
import { makeRunbookFixture, type RunbookFixture } from '../support/runbook-fixture';
import { waitFor } from '../support/wait-for';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function fixture(): RunbookFixture {
  const made = makeRunbookFixture();
  cleanup.push(() => made.remove());
  return made;
}

async function bridgeWith(made: RunbookFixture, actions: Record<string, unknown>) {
  const bridge = await startRunbookBridge({
    config: loadRunbookConfig(made.writeConfig(actions)),
    warn: () => {},
  });
  cleanup.push(() => bridge.close());
  return bridge;
}

async function console_(url: string): Promise<RawConsole> {
  const raw = await connectRawConsole(url);
  cleanup.push(async () => {
    expect(raw.invalid).toEqual([]);
    await raw.close();
  });
  await raw.hello();
  return raw;
}

const submit = (
  raw: RawConsole,
  key: string,
  action: string,
  args: Record<string, unknown>,
  extra = {},
) => raw.request('action.submit', { key, action, args, operator: 'dana', ...extra });

const finalStatus = (raw: RawConsole, key: string, timeoutMs = 10_000) =>
  raw.waitFor(
    `a final status of ${key}`,
    (f) =>
      f.method === 'action.status' &&
      f.params?.key === key &&
      ['succeeded', 'failed', 'cancelled'].includes(String(f.params?.state)),
    timeoutMs,
  );

const statesOf = (raw: RawConsole, key: string) =>
  raw.frames
    .filter((f) => f.method === 'action.status' && f.params?.key === key)
    .map((f) => f.params?.state);

const shop = { service: 'shop', environment: 'production' };

describe('runbook bridge: lifecycle from a command', () => {
  it('reports a failing runbook as failed with its exit code and last output lines', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'patch.apply': { command: join(made.dir, 'fail.sh'), args: ['{version}'] },
    });
    const raw = await console_(bridge.url);
    expect(
      (await submit(raw, 'patch-fails-01', 'patch.apply', { ...shop, version: '1.0.1' })).result,
    ).toEqual({ accepted: true });
    const final = await finalStatus(raw, 'patch-fails-01');
    expect(final.params?.state).toBe('failed');
    expect(final.params?.message).toContain('exit code 3');
    expect(final.params?.message).toContain('fatal: [localhost]: FAILED! => disk full');
    expect(final.params?.message).toContain('TASK [unpack release]');
    expect(statesOf(raw, 'patch-fails-01')).toEqual(
      expect.arrayContaining(['accepted', 'running', 'failed']),
    );
    // action.get tells the same story afterwards.
    const got = await raw.request('action.get', { key: 'patch-fails-01' });
    expect(got.result).toMatchObject({ state: 'failed', message: final.params?.message });
  });

  it('kills a hanging runbook’s whole process group at the timeout', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'patch.apply': { command: join(made.dir, 'hang.sh'), args: [made.dir], timeoutMs: 1_000 },
    });
    const raw = await console_(bridge.url);
    await submit(raw, 'patch-hangs-01', 'patch.apply', { ...shop, version: '1.0.1' });
    const childPid = await waitFor('the hanging child to start', () => {
      const file = join(made.dir, 'hang-child.pid');
      return (
        existsSync(file) &&
        Number(readFileSync(file, 'utf8')) > 0 &&
        Number(readFileSync(file, 'utf8'))
      );
    });
    const final = await finalStatus(raw, 'patch-hangs-01');
    expect(final.params?.state).toBe('failed');
    expect(final.params?.message).toMatch(/timed out after 1 s: its process group was killed/);
    expect(final.params?.message).toContain('waiting for a lock that never frees');
    await waitFor('the child of the runbook to be gone', () => !alive(childPid), 3_000);
  });

  it('refuses a second action on the same service and environment while one runs, with the reason', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'patch.apply': {
        command: join(made.dir, 'slow.sh'),
        args: [made.dir, '{version}', '1.5', '{environment}'],
      },
      'deploy.rollback': {
        command: join(made.dir, 'slow.sh'),
        args: [made.dir, '{toVersion}', '0.1', '{environment}'],
      },
    });
    const raw = await console_(bridge.url);
    expect(
      (await submit(raw, 'patch-first-01', 'patch.apply', { ...shop, version: '1.0.1' })).result,
    ).toEqual({ accepted: true });
    const second = await submit(raw, 'rollback-second-01', 'deploy.rollback', shop);
    expect(second.result).toEqual({
      accepted: false,
      reason: 'shop production is busy: patch.apply (patch-first-01) is still running',
    });
    // Another environment of the same service is not held up.
    const staging = await submit(raw, 'patch-staging-01', 'patch.apply', {
      service: 'shop',
      environment: 'staging',
      version: '1.0.1',
    });
    expect(staging.result).toEqual({ accepted: true });
    expect((await finalStatus(raw, 'patch-first-01')).params).toMatchObject({ state: 'succeeded' });
    expect((await finalStatus(raw, 'patch-staging-01')).params).toMatchObject({
      state: 'succeeded',
    });
    // The refused key was answered for good; the deploy's read-back is on the board.
    expect((await submit(raw, 'rollback-second-01', 'deploy.rollback', shop)).result).toEqual(
      second.result,
    );
    await raw.waitFor(
      'the new version on the board',
      (f) =>
        JSON.stringify(f.params ?? {}).includes('"version":"1.0.1"') &&
        f.method === 'deployments.change',
    );
    expect(made.slowRuns()).toBe(2);
  });

  it('fails an action whose command exits 0 but leaves the state unchanged', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      // Exits 0 without touching the state: the read-back catches it.
      'patch.apply': { command: '/bin/true' },
    });
    const raw = await console_(bridge.url);
    await submit(raw, 'patch-noop-01', 'patch.apply', { ...shop, version: '1.0.1' });
    const final = await finalStatus(raw, 'patch-noop-01');
    expect(final.params).toMatchObject({ state: 'failed' });
    expect(final.params?.message).toContain('the state says 1.0.0, not 1.0.1');
  });

  it('answers a reused key as the first time, and -32001 for a different payload', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'patch.apply': {
        command: join(made.dir, 'slow.sh'),
        args: [made.dir, '{version}', '0.2', '{environment}'],
      },
    });
    const raw = await console_(bridge.url);
    const args = { ...shop, version: '1.0.1' };
    expect((await submit(raw, 'patch-once-001', 'patch.apply', args)).result).toEqual({
      accepted: true,
    });
    expect(
      (await submit(raw, 'patch-once-001', 'patch.apply', { version: '1.0.1', ...shop })).result,
    ).toEqual({ accepted: true });
    const other = await submit(raw, 'patch-once-001', 'patch.apply', { ...shop, version: '1.0.2' });
    expect(other.error?.code).toBe(RPC_ERRORS.idempotencyConflict);
    await finalStatus(raw, 'patch-once-001');
    expect(made.slowRuns()).toBe(1);
    const unknown = await raw.request('action.get', { key: 'never-submitted' });
    expect(unknown.error?.code).toBe(RPC_ERRORS.unknownAction);
  });
});

describe('runbook bridge: every console sees who did what', () => {
  const described = {
    action: 'patch.apply',
    args: { ...shop, version: '1.0.1' },
    operator: 'dana',
    reason: 'ship the invoice fix',
  };

  it('refuses requests before hello and a second hello with -32600, running nothing', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'patch.apply': {
        command: join(made.dir, 'slow.sh'),
        args: [made.dir, '{version}', '0.1', '{environment}'],
      },
    });
    const raw = await connectRawConsole(bridge.url);
    cleanup.push(() => raw.close());
    const early = await submit(raw, 'patch-early-01', 'patch.apply', { ...shop, version: '1.0.1' });
    expect(early.error?.code).toBe(RPC_ERRORS.invalidRequest);
    expect((await raw.hello()).result).toMatchObject({ protocol: 'watchfloor.v1' });
    const snapshots = () => raw.frames.filter((f) => f.method === 'deployments.snapshot').length;
    await raw.waitFor('the snapshot', (f) => f.method === 'deployments.snapshot');
    expect((await raw.hello()).error?.code).toBe(RPC_ERRORS.invalidRequest);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(snapshots()).toBe(1);
    // The early key was never taken: it is unknown, and nothing ran.
    expect((await raw.request('action.get', { key: 'patch-early-01' })).error?.code).toBe(
      RPC_ERRORS.unknownAction,
    );
    expect(made.slowRuns()).toBe(0);
  });

  it('tells console B of A’s action, with operator and reason, and a console joining mid-way too', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'patch.apply': {
        command: join(made.dir, 'slow.sh'),
        args: [made.dir, '{version}', '2', '{environment}'],
      },
    });
    const a = await console_(bridge.url);
    const b = await console_(bridge.url);
    const before = Date.now();
    await submit(a, 'patch-shared-01', 'patch.apply', described.args, {
      reason: described.reason,
    });
    // The command's first line has come as progress; nothing more comes until it ends.
    await b.waitFor(
      'the progress on B',
      (f) => f.method === 'action.status' && String(f.params?.message).includes('deploying'),
    );
    const late = await console_(bridge.url);
    const joined = await late.waitFor(
      'the action under way, told to the late console after its backfill',
      (f) => f.method === 'action.status' && f.params?.key === 'patch-shared-01',
      500,
    );
    expect(joined.params).toMatchObject({ state: 'running', ...described });
    await finalStatus(b, 'patch-shared-01');
    const onB = b.frames.filter((f) => f.method === 'action.status');
    // Progress comes as further running statuses: each one described too.
    expect([...new Set(onB.map((f) => f.params?.state))]).toEqual([
      'accepted',
      'running',
      'succeeded',
    ]);
    for (const frame of onB) expect(frame.params).toMatchObject(described);
    expect(onB[0]?.params?.submittedAt).toBeGreaterThanOrEqual(before);
    const got = await b.request('action.get', { key: 'patch-shared-01' });
    expect(got.result).toMatchObject({ state: 'succeeded', ...described });
    expect(got.result?.submittedAt).toBe(onB[0]?.params?.submittedAt);
  });
});

describe('runbook bridge: a restart mid-action', () => {
  it('answers action.get from its journal and follows the command to its end', async () => {
    const made = fixture();
    const config = made.writeConfig({
      'patch.apply': {
        command: join(made.dir, 'slow.sh'),
        args: [made.dir, '{version}', '2.5', '{environment}'],
      },
    });
    const first = await startRunbookBridgeProcess(['--config', config, '--port', '0']);
    cleanup.push(() => first.stop());
    const before = await connectRawConsole(first.url);
    await before.hello();
    await submit(before, 'patch-restart-01', 'patch.apply', { ...shop, version: '1.0.1' });
    await before.waitFor(
      'running',
      (f) => f.method === 'action.status' && f.params?.state === 'running',
    );
    await first.kill(); // a crash: no goodbye, the command goes on

    const second = await startRunbookBridgeProcess(['--config', config, '--port', '0']);
    cleanup.push(() => second.stop());
    const after = await console_(second.url);
    const during = await after.request('action.get', { key: 'patch-restart-01' });
    expect(during.result).toMatchObject({
      key: 'patch-restart-01',
      state: 'running',
      action: 'patch.apply',
      operator: 'dana',
    });
    // The same key again is answered from the journal and does not run twice.
    expect(
      (await submit(after, 'patch-restart-01', 'patch.apply', { ...shop, version: '1.0.1' }))
        .result,
    ).toEqual({ accepted: true });
    const final = await finalStatus(after, 'patch-restart-01', 10_000);
    expect(final.params).toMatchObject({ state: 'succeeded' });
    expect(final.params?.message).toContain('deployed 1.0.1');
    expect((await after.request('action.get', { key: 'patch-restart-01' })).result).toMatchObject({
      state: 'succeeded',
    });
    expect(made.slowRuns()).toBe(1);
  });
});

describe('runbook bridge: hostile argument values', () => {
  const hostile = [
    '--force',
    'b1;touch PWNED',
    '$(touch PWNED)',
    'b1\nb2',
    '-e',
    '../etc',
    'b 1',
    '`id`',
  ];

  it('refuses them in identifiers and versions, before anything runs', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'build.retry': {
        command: join(made.dir, 'record.sh'),
        args: ['{build}'],
        env: { RECORD_FILE: join(made.dir, 'argv.bin') },
      },
      'patch.apply': {
        command: join(made.dir, 'record.sh'),
        args: ['{version}'],
        env: { RECORD_FILE: join(made.dir, 'argv.bin') },
      },
    });
    const raw = await console_(bridge.url);
    for (const [index, value] of hostile.entries()) {
      const build = await submit(raw, `hostile-build-${index}`, 'build.retry', {
        ...shop,
        build: value,
      });
      expect(build.result, value).toMatchObject({
        accepted: false,
        reason: expect.stringContaining('is refused'),
      });
      const patch = await submit(raw, `hostile-patch-${index}`, 'patch.apply', {
        ...shop,
        version: value,
      });
      expect(patch.result, value).toMatchObject({
        accepted: false,
        reason: expect.stringContaining('is refused'),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(made.recordedRuns()).toEqual([]);
    expect(existsSync(join(made.dir, 'PWNED'))).toBe(false);
  });

  it('passes free text only as single argv elements after -- and inside JSON, never to a shell', async () => {
    const made = fixture();
    const bridge = await bridgeWith(made, {
      'build.retry': {
        command: join(made.dir, 'record.sh'),
        args: [
          '--build',
          '{build}',
          '-e',
          { json: { service: '{service}', reason: '{reason}', by: '{operator}' } },
          '--',
          '{reason}',
          '{operator}',
        ],
        env: { RECORD_FILE: join(made.dir, 'argv.bin') },
        cwd: made.dir,
      },
    });
    const raw = await console_(bridge.url);
    const reason = `x; touch PWNED; $(touch PWNED2) \`touch PWNED3\`\n--exec=evil 'quoted' "double"`;
    const operator = '--help';
    const reply = await submit(
      raw,
      'hostile-reason-01',
      'build.retry',
      { ...shop, build: 'b-42' },
      { reason, operator },
    );
    expect(reply.result).toEqual({ accepted: true });
    expect((await finalStatus(raw, 'hostile-reason-01')).params).toMatchObject({
      state: 'succeeded',
    });
    expect(made.recordedRuns()).toEqual([
      [
        '--build',
        'b-42',
        '-e',
        JSON.stringify({ service: 'shop', reason, by: operator }),
        '--',
        reason,
        operator,
      ],
    ]);
    for (const file of ['PWNED', 'PWNED2', 'PWNED3'])
      expect(existsSync(join(made.dir, file)), file).toBe(false);
  });

  it('will not load a config that puts free text where it could become an option', () => {
    const made = fixture();
    const file = made.writeConfig({ 'build.retry': { command: '/bin/echo', args: ['{reason}'] } });
    expect(() => loadRunbookConfig(file)).toThrow(
      /\{reason\} is free text: put it after a "--" element/,
    );
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
