// The files the rig writes into its throwaway folder: the shop's first
// deployments state and the runbook bridge's config mapping the console's
// actions to the rig's playbooks (ansible-playbook, argv only).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RIG_DIR = new URL('.', import.meta.url).pathname.replace(/\/$/, '');
export const NODE_MODULES = new URL('../../../node_modules', import.meta.url).pathname;
export const BRIDGE_SERIES_CONFIG = join(RIG_DIR, 'prometheus-bridge.config.json');

/** Before the first deploy: nothing runs yet ("none" is never a rollback target). */
export function writeInitialState(root: string, servers: number): string {
  const file = join(root, 'state.json');
  const env = {
    id: 'production',
    tier: 'production',
    version: 'none',
    previousVersions: [],
    capacity: { servers },
  };
  writeFileSync(
    file,
    JSON.stringify({ services: [{ id: 'shop', name: 'Shop', environments: [env] }] }),
  );
  return file;
}

/** Every playbook gets these (-e JSON), plus the action's own values. */
export function playbookVars(root: string): Record<string, string> {
  return { root, rig_dir: RIG_DIR, node_modules: NODE_MODULES, node: process.execPath };
}

export function runbookConfig(options: { dir: string; root: string; prometheusUrl?: string }) {
  const vars = playbookVars(options.root);
  const playbook = (file: string, own: Record<string, string>, title: string) => ({
    title,
    command: 'ansible-playbook',
    args: [
      '-i',
      'localhost,',
      join(RIG_DIR, 'playbooks', file),
      '-e',
      { json: { ...vars, ...own, requested_by: '{operator}', reason: '{reason}' } },
    ],
    env: { ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', PYTHONUNBUFFERED: '1' },
    timeoutMs: 120_000,
  });
  return {
    $comment: 'Written by the rig (endpoints/runbook/rig): the shop, deployed by Ansible.',
    endpoint: { id: 'shop-runbooks', name: 'Shop runbooks (Ansible)' },
    state: { file: join(options.root, 'state.json') },
    statePollMs: 500,
    journalDir: join(options.dir, 'journal'),
    progressLines: 8,
    actions: {
      'patch.apply': playbook(
        'deploy.yml',
        { version: '{version}' },
        'Deploy a release (deploy.yml)',
      ),
      'deploy.rollback': playbook(
        'rollback.yml',
        { toVersion: '{toVersion}' },
        'Roll back (rollback.yml)',
      ),
      'capacity.scale': playbook(
        'scale.yml',
        { total: '{total}', resource: '{resource}' },
        'Scale (scale.yml)',
      ),
    },
    ...(options.prometheusUrl
      ? { metrics: { prometheus: options.prometheusUrl, config: BRIDGE_SERIES_CONFIG } }
      : {}),
  };
}

export function writeRunbookConfig(options: {
  dir: string;
  root: string;
  prometheusUrl?: string;
}): string {
  const file = join(options.dir, 'runbook.config.json');
  writeFileSync(file, `${JSON.stringify(runbookConfig(options), null, 2)}\n`);
  return file;
}
