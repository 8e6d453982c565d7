import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeploymentsState } from '../../../../endpoints/runbook/deployments-state';
import type { DeploymentsChange } from '../../../../shared/protocol';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateFile(version: string, file?: string): string {
  const path = file ?? join(mkdtempSync(join(tmpdir(), 'wf-state-')), 'state.json');
  if (!file) dirs.push(join(path, '..'));
  const env = { id: 'production', version, previousVersions: ['0.9.0'] };
  writeFileSync(
    path,
    JSON.stringify({ services: [{ id: 'shop', name: 'Shop', environments: [env] }] }),
  );
  return path;
}

function watch(file: string) {
  const changes: DeploymentsChange[] = [];
  const warnings: string[] = [];
  const state = new DeploymentsState({
    source: { file },
    pollMs: 1_000,
    onChange: (change) => changes.push(change),
    warn: (message) => warnings.push(message),
  });
  return { state, changes, warnings };
}

describe('DeploymentsState', () => {
  it('fills in what the runbooks leave out and reports each change with a growing resourceVersion', async () => {
    const file = stateFile('1.0.0');
    const { state, changes } = watch(file);
    await state.refresh();
    expect(state.services[0]?.environments[0]).toMatchObject({
      version: '1.0.0',
      status: 'healthy',
    });
    const start = state.resourceVersion;
    stateFile('1.0.1', file);
    await state.refresh();
    await state.refresh(); // nothing new: no change
    expect(changes.at(-1)?.service?.environments[0]?.version).toBe('1.0.1');
    expect(state.resourceVersion).toBe(start + 1);
    expect(state.since(start)).toEqual([changes.at(-1)]);
    expect(state.since(state.resourceVersion)).toEqual([]);
    expect(state.since(state.resourceVersion + 5)).toBeUndefined();
  });

  it('lets a console that holds the current version resume with nothing to catch up', () => {
    const { state } = watch(stateFile('1.0.0'));
    expect(state.since(state.resourceVersion)).toEqual([]);
    expect(state.since(state.resourceVersion - 1)).toBeUndefined();
  });

  it('lays a running action’s status over the environment, and lifts it', async () => {
    const { state, changes } = watch(stateFile('1.0.0'));
    await state.refresh();
    state.overlay('shop/production', 'rolling-back');
    expect(changes.at(-1)?.service?.environments[0]?.status).toBe('rolling-back');
    expect(state.environment('shop', 'production')?.status).toBe('healthy');
    state.overlay('shop/production', undefined);
    expect(changes.at(-1)?.service?.environments[0]?.status).toBe('healthy');
  });

  it('keeps the last good state and warns once when the file goes bad', async () => {
    const file = stateFile('1.0.0');
    const { state, warnings } = watch(file);
    await state.refresh();
    writeFileSync(file, '{ not json');
    await state.refresh();
    await state.refresh();
    expect(state.services[0]?.environments[0]?.version).toBe('1.0.0');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not JSON/);
  });
});
