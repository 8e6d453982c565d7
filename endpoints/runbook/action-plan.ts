// What an action means against the state the runbooks keep: the values its
// command line gets (the rollback's target resolved, the new server count
// computed), the status the environment shows meanwhile, and how the state
// must read afterwards for the action to count as done.
import type { ActionSubmitParams, EnvironmentState } from '../../shared/protocol';
import { argumentsProblem } from './argument-safety';
import type { TemplateValues } from './argv-template';

export interface ActionPlan {
  subject: string;
  values: TemplateValues;
  /** `deploying` or `rolling-back` while it runs; undefined leaves the status alone. */
  overlay: EnvironmentState['status'] | undefined;
  /** What it does, in words: "patch shop production 1.0.0 → 1.0.1". */
  summary: string;
  /** The state the runbooks must show afterwards (JSON-friendly, kept in the journal). */
  expect: Expectation;
}

export type Expectation =
  | { field: 'version'; value: string }
  | { field: 'capacity'; resource: 'servers' | 'cpu' | 'storageGb'; value: number }
  | { field: 'none' };

export type PlanResult = { ok: true; plan: ActionPlan } | { ok: false; reason: string };

export function planAction(
  params: ActionSubmitParams,
  env: EnvironmentState | undefined,
): PlanResult {
  const problem = argumentsProblem(params.args);
  if (problem) return { ok: false, reason: problem };
  const { service, environment } = params.args;
  if (!env)
    return { ok: false, reason: `${service} ${environment} is not in the deployments state` };
  const subject = `${service}/${environment}`;
  const base: TemplateValues = {
    ...(params.args as TemplateValues),
    fromVersion: env.version,
    key: params.key,
    operator: params.operator ?? '',
    reason: params.reason ?? '',
  };
  const where = `${service} ${environment}`;
  switch (params.action) {
    case 'deploy.rollback': {
      const target = params.args.toVersion ?? env.previousVersions[0];
      if (!target) return { ok: false, reason: `${where} has no earlier version to roll back to` };
      if (!env.previousVersions.includes(target))
        return { ok: false, reason: `${where} never ran ${target}: nothing to roll back to` };
      return done(subject, { ...base, toVersion: target }, 'rolling-back', {
        summary: `roll back ${where} ${env.version} → ${target}`,
        expect: { field: 'version', value: target },
      });
    }
    case 'patch.apply':
      if (params.args.version === env.version)
        return { ok: false, reason: `${where} already runs ${env.version}` };
      return done(subject, base, 'deploying', {
        summary: `deploy ${params.args.version} to ${where} (from ${env.version})`,
        expect: { field: 'version', value: params.args.version },
      });
    case 'capacity.scale': {
      const { resource, change } = params.args;
      const now = env.capacity?.[resource] ?? 0;
      const total = now + change;
      if (total < 0)
        return { ok: false, reason: `${where} has ${now} ${resource}: cannot remove ${-change}` };
      return done(subject, { ...base, total }, undefined, {
        summary: `scale ${where} ${resource} ${now} → ${total}`,
        expect: { field: 'capacity', resource, value: total },
      });
    }
    default:
      return done(subject, base, undefined, {
        summary: `${params.action} on ${where}`,
        expect: { field: 'none' },
      });
  }
}

function done(
  subject: string,
  values: TemplateValues,
  overlay: ActionPlan['overlay'],
  rest: Pick<ActionPlan, 'summary' | 'expect'>,
): PlanResult {
  return { ok: true, plan: { subject, values, overlay, ...rest } };
}

/** Why the state read back after a successful command does not show the action done. */
export function readBackProblem(
  expect: Expectation,
  env: EnvironmentState | undefined,
): string | undefined {
  if (expect.field === 'none') return undefined;
  if (!env) return 'the environment is gone from the deployments state';
  if (expect.field === 'version') {
    return env.version === expect.value
      ? undefined
      : `the state says ${env.version}, not ${expect.value}`;
  }
  const actual = env.capacity?.[expect.resource];
  return actual === expect.value
    ? undefined
    : `the state says ${actual ?? 'no'} ${expect.resource}, not ${expect.value}`;
}
