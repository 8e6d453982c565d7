// The action desk: every operator intent becomes one record keyed by its
// idempotency key, submitted once, and followed through its lifecycle. A
// repeated key returns the existing record; nothing is ever re-sent by itself.
// After a reconnect, the desk asks the endpoint (`action.get`) what became of
// actions whose outcome it did not see.
import { dequal } from 'dequal';
import type { ActionRecord, ActionRequest } from '../../../shared/api/actions';
import {
  RPC_ERRORS,
  actionStatusSchema,
  submitResultSchema,
  type ActionStatus,
  type EnvironmentState,
} from '../../../shared/protocol';
import { BLOCKER, endpointBlocker } from '../../../shared/rules/action-blockers';
import { isFinalActionState } from '../../../shared/rules/action-states';
import { OVERRIDE_REASON_SHORT, overrideReasonOk } from '../../../shared/rules/override-reason';
import { RpcCallError, RpcNoReplyError, type EndpointLink } from '../links/endpoint-link';
import { remoteRecord } from './remote-action';
import { targetBusy } from './target-busy';

export class ActionConflictError extends Error {}

type Change = Pick<ActionRecord, 'state' | 'message'>;

export interface ActionDeskOptions {
  links: ReadonlyMap<string, EndpointLink>;
  onChange: (record: ActionRecord) => void;
  operator: () => string;
  /** A reason to refuse every action (the display profile), checked here, not in the UI. */
  readOnly?: () => string | undefined;
  /** Why this request is blocked by release gates, if it is (ring.promote). */
  gateBlock?: (request: ActionRequest) => string | undefined;
  /** The environment as the console knows it now: a rollback's record keeps the version it leaves. */
  environmentOf?: (
    endpointId: string,
    service: string,
    environment: string,
  ) => EnvironmentState | undefined;
  now?: () => number;
}

const isFinal = (record: ActionRecord) => isFinalActionState(record.state);

export class ActionDesk {
  private readonly records = new Map<string, ActionRecord>();
  private readonly now: () => number;

  constructor(private readonly options: ActionDeskOptions) {
    this.now = options.now ?? Date.now;
  }

  /** `operator`: who acts, when not the console's operator (an automatic halt). */
  async submit(request: ActionRequest, operator?: string): Promise<ActionRecord> {
    const existing = this.records.get(request.key);
    if (existing) {
      if (!samePayload(existing, request)) {
        throw new ActionConflictError(
          `idempotency key ${request.key} was already used for a different action`,
        );
      }
      return existing;
    }
    const record = this.record(request, operator ?? this.options.operator());
    const refusal = this.refusal(request);
    if (refusal) return this.transition(record.key, { state: 'rejected', message: refusal });
    return this.send(record);
  }

  list(): ActionRecord[] {
    return [...this.records.values()];
  }

  /**
   * Lifecycle notifications from the endpoint. A key this console did not
   * submit becomes a record of its own, taken elsewhere, when the endpoint
   * describes the action (v1.1); otherwise it is ignored. The key is the
   * identity: a console's own action coming back is the same record.
   */
  status(endpointId: string, update: ActionStatus): void {
    const record = this.records.get(update.key);
    if (!record) return this.adopt(endpointId, update);
    if (record.endpointId !== endpointId || isFinal(record)) return;
    if (update.state === 'accepted' && record.state !== 'pending' && record.state !== 'unknown')
      return;
    this.transition(update.key, { state: update.state, message: update.message });
  }

  /** After a reconnect: learn the real outcome of every action still open on that endpoint. */
  async reconcile(endpointId: string): Promise<void> {
    const link = this.options.links.get(endpointId);
    const open = this.list().filter((r) => r.endpointId === endpointId && !isFinal(r));
    for (const record of open) {
      if (!link) return;
      try {
        const status = actionStatusSchema.parse(
          await link.request('action.get', { key: record.key }),
        );
        this.status(endpointId, status);
      } catch (err) {
        if (err instanceof RpcCallError && err.code === RPC_ERRORS.unknownAction) {
          this.transition(record.key, {
            state: 'failed',
            message: 'the endpoint has no record of this action: it did not run',
          });
        }
      }
    }
  }

  /** An action another console or tool took, as the endpoint reported it. */
  private adopt(endpointId: string, update: ActionStatus): void {
    const remote = remoteRecord(endpointId, update, this.now());
    if (!remote) return;
    const record = { ...remote, ...this.fromVersion(remote) } as ActionRecord;
    this.records.set(record.key, record);
    this.options.onChange(record);
  }

  private record(request: ActionRequest, operator: string): ActionRecord {
    const at = this.now();
    const record = {
      ...request,
      ...this.fromVersion(request),
      state: 'pending',
      operator,
      submittedAt: at,
      updatedAt: at,
    } as ActionRecord;
    this.records.set(record.key, record);
    this.options.onChange(record);
    return record;
  }

  /** Enforced here, in the main process, whatever the renderer shows. */
  private refusal(request: ActionRequest): string | undefined {
    const readOnly = this.options.readOnly?.();
    if (readOnly) return readOnly;
    const link = this.options.links.get(request.endpointId);
    const blocked = endpointBlocker(request.action, request.endpointId, link?.status);
    return blocked ?? targetBusy(this.records.values(), request) ?? this.gateRefusal(request);
  }

  /** Where a rollback starts from: the version its environment runs at submit time. */
  private fromVersion(request: ActionRequest): { fromVersion?: string } {
    if (request.action !== 'deploy.rollback') return {};
    const { service, environment } = request.args;
    const version = this.options.environmentOf?.(request.endpointId, service, environment)?.version;
    return version === undefined ? {} : { fromVersion: version };
  }

  /** Failing gates block a promotion unless the operator overrides with a typed reason. */
  private gateRefusal(request: ActionRequest): string | undefined {
    const blocked = this.options.gateBlock?.(request);
    if (!blocked) return undefined;
    if (!request.override) return BLOCKER.gates(blocked);
    return overrideReasonOk(request.reason) ? undefined : OVERRIDE_REASON_SHORT;
  }

  private async send(record: ActionRecord): Promise<ActionRecord> {
    const link = this.options.links.get(record.endpointId) as EndpointLink;
    const params = {
      key: record.key,
      action: record.action,
      args: record.args,
      operator: record.operator,
      ...(record.reason ? { reason: record.reason } : {}),
    };
    try {
      const reply = submitResultSchema.parse(await link.request('action.submit', params));
      if (reply.accepted) return this.advance(record.key);
      return this.transition(record.key, { state: 'rejected', message: reply.reason });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Sent, but no word back: the endpoint may have acted, so the outcome is unknown.
      if (err instanceof RpcNoReplyError) {
        return this.transition(record.key, {
          state: 'unknown',
          message: `${message}: check the endpoint`,
        });
      }
      return this.transition(record.key, { state: 'rejected', message });
    }
  }

  /** 'accepted' must not overwrite a running or final state that raced ahead of the reply. */
  private advance(key: string): ActionRecord {
    const record = this.records.get(key) as ActionRecord;
    if (record.state !== 'pending') return record;
    return this.transition(key, { state: 'accepted' });
  }

  private transition(key: string, change: Change): ActionRecord {
    const before = this.records.get(key) as ActionRecord;
    const next = { ...before, ...change, updatedAt: this.now() } as ActionRecord;
    if (change.message === undefined) delete next.message;
    this.records.set(key, next);
    this.options.onChange(next);
    return next;
  }
}

function samePayload(record: ActionRecord, request: ActionRequest): boolean {
  return (
    record.endpointId === request.endpointId &&
    record.action === request.action &&
    dequal(record.args, request.args)
  );
}
