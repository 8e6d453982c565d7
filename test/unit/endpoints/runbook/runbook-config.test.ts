import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  RunbookConfigError,
  parseRunbookConfig,
} from '../../../../endpoints/runbook/runbook-config';
import { loadBridgeConfig } from '../../../../endpoints/prometheus/bridge-config';
import { BRIDGE_SERIES_CONFIG, runbookConfig } from '../../../../endpoints/runbook/rig/rig-config';
import { loopbackTargets } from '../../../../endpoints/runbook/rig/load-generator';

const base = {
  state: { file: 'state.json' },
  journalDir: 'journal',
  actions: {
    'deploy.rollback': {
      command: 'ansible-playbook',
      args: ['rollback.yml', '-e', { json: { to: '{toVersion}' } }],
    },
  },
};

describe('runbook config', () => {
  it('resolves relative paths against the config file and keeps bare commands for PATH', () => {
    const config = parseRunbookConfig(
      {
        ...base,
        actions: { ...base.actions, 'capacity.scale': { command: './scale.sh', timeoutMs: 5000 } },
      },
      '/etc/wf/runbook.json',
    );
    expect(config.state).toEqual({ file: '/etc/wf/state.json' });
    expect(config.journalDir).toBe('/etc/wf/journal');
    expect(config.actions['deploy.rollback']).toMatchObject({
      command: 'ansible-playbook',
      cwd: '/etc/wf',
      timeoutMs: 600_000,
    });
    expect(config.actions['capacity.scale']).toMatchObject({
      command: '/etc/wf/scale.sh',
      timeoutMs: 5000,
    });
  });

  it('names the field of every mistake', () => {
    expect(() =>
      parseRunbookConfig({ ...base, actions: { 'deploy.nuke': { command: 'x' } } }, 'c.json'),
    ).toThrow(RunbookConfigError);
    expect(() =>
      parseRunbookConfig(
        { ...base, actions: { 'patch.apply': { command: 'x', args: ['{verison}'] } } },
        'c.json',
      ),
    ).toThrow(/actions.patch.apply: args\[0\]: unknown placeholder \{verison\}/);
  });

  it('accepts the example in docs/runbook.md', () => {
    const doc = readFileSync('docs/runbook.md', 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? '';
    const config = parseRunbookConfig(JSON.parse(example), '/etc/wf/runbook.config.json');
    expect(config.actions['capacity.scale']?.command).toBe('/etc/wf/scripts/scale.sh');
  });

  it('accepts the config the rig writes', () => {
    const config = parseRunbookConfig(
      runbookConfig({
        dir: '/tmp/rig',
        root: '/tmp/rig/shop',
        prometheusUrl: 'http://127.0.0.1:9090',
      }),
      '/tmp/rig/runbook.config.json',
    );
    expect(Object.keys(config.actions).sort()).toEqual([
      'capacity.scale',
      'deploy.rollback',
      'patch.apply',
    ]);
    expect(config.metrics?.prometheus).toBe('http://127.0.0.1:9090');
  });
});

describe('the rig’s series', () => {
  it('is a valid Prometheus bridge config whose error tile suggests the rollback', () => {
    const config = loadBridgeConfig(BRIDGE_SERIES_CONFIG);
    const errors = config.series.find((series) => series.info.id === 'shop.http.server.error_rate');
    expect(errors?.info.procedures?.map((p) => [p.when, p.action])).toEqual([
      ['warning', 'deploy.rollback'],
      ['critical', 'deploy.rollback'],
    ]);
    expect(config.series.map((series) => series.info.intervalMs)).toEqual([1000, 1000, 1000]);
  });
});

describe('the load generator’s targets', () => {
  it('takes loopback targets only', () => {
    const text = JSON.stringify([
      { targets: ['127.0.0.1:8080', '10.0.0.5:80', 'example.com:80', '[::1]:9'] },
    ]);
    expect(loopbackTargets(text)).toEqual(['127.0.0.1:8080', '[::1]:9']);
  });
});
