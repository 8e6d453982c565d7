// What "Roll back" means for one environment: back to what the rings not yet
// reached run (a rollout in progress), else the previous version. The intent
// itself (one idempotency key, made when the confirmation opens and reused on
// a retry or a double click) lives in action-submit.
import type { ActionCall, EnvironmentState } from '../../../../shared/protocol';
import { defaultRollbackVersion } from '../actions';

export function rollbackCall(service: string, env: EnvironmentState): ActionCall {
  const toVersion = defaultRollbackVersion(env);
  return {
    action: 'deploy.rollback',
    args: { service, environment: env.id, ...(toVersion ? { toVersion } : {}) },
  };
}

/** Why there is nothing to roll back to, if there is not. */
export const rollbackUnavailable = (env: EnvironmentState): string | undefined =>
  env.previousVersions.length === 0 ? 'No previous version to roll back to' : undefined;
