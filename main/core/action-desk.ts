// The action desk: every operator intent becomes one record keyed by its
// idempotency key, submitted once, and followed through its lifecycle. A
// repeated key returns the existing record; nothing is ever re-sent by itself.
import type { ActionRecord, ActionRequest } from '../../shared/console-api';
import { submitResultSchema, type ActionStatusParams } from '../../shared/protocol';
import type { EndpointLink } from './endpoint-link';

export class ActionConflictError extends Error {}

const FINAL_STATES = new Set(['rejected', 'succeeded', 'failed']);

export class ActionDesk {
  private readonly records = new Map<string, ActionRecord>();

  constructor(
    private readonly links: ReadonlyMap<string, EndpointLink>,
    private readonly onChange: (record: ActionRecord) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async submit(request: ActionRequest): Promise<ActionRecord> {
    const existing = this.records.get(request.key);
    if (existing) {
      if (!samePayload(existing, request)) {
        throw new ActionConflictError(
          `idempotency key ${request.key} was already used for a different action`,
        );
      }
      return existing;
    }
    const record = this.record(request);
    const refusal = this.refusal(request);
    if (refusal) return this.transition(record.key, { state: 'rejected', message: refusal });
    return this.send(record);
  }

  list(): ActionRecord[] {
    return [...this.records.values()];
  }

  /** Lifecycle notifications from the endpoint; unknown keys are ignored. */
  status(endpointId: string, update: ActionStatusParams): void {
    const record = this.records.get(update.key);
    if (!record || record.endpointId !== endpointId || FINAL_STATES.has(record.state)) return;
    this.transition(update.key, { state: update.state, message: update.message });
  }

  private record(request: ActionRequest): ActionRecord {
    const at = this.now();
    const record: ActionRecord = { ...request, state: 'pending', submittedAt: at, updatedAt: at };
    this.records.set(record.key, record);
    this.onChange(record);
    return record;
  }

  /** Enforced here, in the main process, whatever the renderer shows. */
  private refusal(request: ActionRequest): string | undefined {
    const link = this.links.get(request.endpointId);
    if (!link) return `unknown endpoint ${request.endpointId}`;
    const { state, name } = link.status;
    if (state !== 'connected') return `endpoint ${name} is ${state}: actions need a live link`;
    if (!link.status.actions.includes(request.action)) {
      return `endpoint ${link.status.name} does not support ${request.action}`;
    }
    return undefined;
  }

  private async send(record: ActionRecord): Promise<ActionRecord> {
    const link = this.links.get(record.endpointId) as EndpointLink;
    const params = { key: record.key, action: record.action, args: record.args };
    try {
      const reply = submitResultSchema.parse(await link.request('action.submit', params));
      if (reply.accepted) return this.advance(record.key, 'accepted');
      return this.transition(record.key, { state: 'rejected', message: reply.reason });
    } catch (err) {
      const message = (err as Error).message;
      if (/no reply|link lost/.test(message)) {
        return this.transition(record.key, {
          state: 'unknown',
          message: `${message}: check the endpoint`,
        });
      }
      return this.transition(record.key, { state: 'rejected', message });
    }
  }

  /** 'accepted' must not overwrite a running/final state that raced ahead of the reply. */
  private advance(key: string, state: 'accepted'): ActionRecord {
    const record = this.records.get(key) as ActionRecord;
    if (record.state !== 'pending') return record;
    return this.transition(key, { state });
  }

  private transition(key: string, change: Pick<ActionRecord, 'state' | 'message'>): ActionRecord {
    const before = this.records.get(key) as ActionRecord;
    const next: ActionRecord = { ...before, ...change, updatedAt: this.now() };
    if (change.message === undefined) delete next.message;
    this.records.set(key, next);
    this.onChange(next);
    return next;
  }
}

function samePayload(record: ActionRecord, request: ActionRequest): boolean {
  return (
    record.endpointId === request.endpointId &&
    record.action === request.action &&
    JSON.stringify(record.args) === JSON.stringify(request.args)
  );
}
