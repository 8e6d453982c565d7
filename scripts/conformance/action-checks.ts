// §9 actions: answered at once, idempotent per key, a conflict for a reused
// key, a lifecycle through to a final state sent to every console (described:
// who asked, what and why), and action.get, also for a refused key. Nothing is
// submitted without --allow-actions.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  actionStatusSchema,
  submitResultSchema,
  type ActionStatus,
  type ServiceState,
} from '../../shared/protocol';
import type { CheckList } from './conformance-report';
import {
  describeFrame,
  jsonSchemaProblem,
  responseProblem,
  type CheckedFrame,
} from './frame-check';
import { aimAction, otherPayload, type Aim } from './action-aim';
import { KIT_OPERATOR, KIT_REASON, descriptionProblem, type Submitted } from './action-description';
import type { KitSession } from './kit-session';
import type { ProbeSocket, Reply } from './probe-socket';

const SUBMIT_LIMIT_MS = 10_000;
const FINAL = ['succeeded', 'failed', 'cancelled'];
const RANK: Record<string, number> = { accepted: 0, running: 1 };

const RULES = {
  answer: '§9 action.submit is answered within 10 s with a SubmitResult',
  repeat: '§9 the same key and payload again gets exactly the first answer',
  conflict: '§9 the same key with different args gets error -32001',
  lifecycle: '§9 action.status goes accepted → running → a final state, then nothing more',
  everyone: '§9 action.status reaches every connected console',
  described:
    '§9 another console receives every action.status with the action, args, operator and reason',
  joiner: '§3/§9 a console that says hello while the action is under way receives its status',
  get: '§9 action.get answers the action’s latest ActionStatus',
  getDescribed: '§9 action.get’s reply carries the action, args, operator and reason',
  getUnknown: '§9 action.get for an unknown key gets error -32004',
  getRefused: '§9 action.get for a key the endpoint refused gets error -32004',
};

const ACTION_RULES = [
  RULES.answer,
  RULES.repeat,
  RULES.conflict,
  RULES.lifecycle,
  RULES.everyone,
  RULES.described,
  RULES.joiner,
];
const GET_RULES = [RULES.get, RULES.getDescribed, RULES.getRefused];

export async function checkActions(
  session: KitSession,
  actions: CheckList,
  get: CheckList,
  services: ServiceState[],
  observer: ProbeSocket | undefined,
): Promise<void> {
  const main = session.main as ProbeSocket;
  await checkGetUnknown(main, get);
  const aim = aimAction(session.actions, services);
  const why = skipReason(session, aim);
  if (why || !aim) {
    for (const rule of ACTION_RULES) actions.skip(rule, why ?? '');
    for (const rule of GET_RULES) get.skip(rule, why ?? '');
    return;
  }
  actions.add(`the kit submits ${aim.call.action}: it ${aim.effect}`, 'pass');
  const key = newKey();
  const submit = (call = aim.call, which = key) =>
    main.request(
      'action.submit',
      { key: which, ...call, operator: KIT_OPERATOR, reason: KIT_REASON },
      SUBMIT_LIMIT_MS,
    );
  const first = await submit();
  actions.expect(RULES.answer, answerProblem(first));
  const again = await submit();
  actions.expect(RULES.repeat, sameAnswer(first, again));
  const other = await submit(otherPayload(aim.call));
  actions.expect(RULES.conflict, errorProblem(other, [-32001]));
  const accepted =
    first.ok && (first.result as { accepted?: boolean } | undefined)?.accepted === true;
  if (!accepted) {
    const refused = first.ok ? JSON.stringify(first.result ?? first.error) : first.why;
    actions.skip(RULES.lifecycle, `the endpoint did not accept the action (${refused})`);
    for (const rule of [RULES.everyone, RULES.described, RULES.joiner])
      actions.skip(rule, 'the action was not accepted');
    for (const rule of [RULES.get, RULES.getDescribed])
      get.skip(rule, 'the action was not accepted');
    if (first.ok) get.expect(RULES.getRefused, await getRefused(main, key));
    else get.skip(RULES.getRefused, 'the submit was not answered');
    return;
  }
  const submitted = { call: aim.call, operator: KIT_OPERATOR, reason: KIT_REASON };
  await checkLifecycle(session, actions, get, { key, main, observer, submitted });
  // A second key, aimed at a service the endpoint does not have: refused, so never run.
  const refusedKey = newKey();
  const refusal = await submit(otherPayload(aim.call), refusedKey);
  const taken = refusal.ok && (refusal.result as { accepted?: boolean })?.accepted === true;
  if (!refusal.ok) get.skip(RULES.getRefused, `the submit was not answered: ${refusal.why}`);
  else if (taken)
    get.skip(RULES.getRefused, 'the endpoint accepted an action for a service it does not have');
  else get.expect(RULES.getRefused, await getRefused(main, refusedKey));
}

const newKey = () => `conformance-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;

async function getRefused(main: ProbeSocket, key: string): Promise<string | undefined> {
  return errorProblem(await main.request('action.get', { key }), [-32004]);
}

function skipReason(session: KitSession, aim: Aim | undefined): string | undefined {
  if (session.actions.length === 0) return 'the endpoint announces no actions';
  if (!session.options.allowActions) {
    return `not run: pass --allow-actions to let the kit submit one of ${session.actions.join(', ')} (it never submits an action without it)`;
  }
  if (!aim) return `no service state to aim ${session.actions.join(', ')} at`;
  return undefined;
}

async function checkGetUnknown(main: ProbeSocket, get: CheckList): Promise<void> {
  const reply = await main.request('action.get', {
    key: `conformance-unknown-${randomBytes(6).toString('hex')}`,
  });
  get.expect(RULES.getUnknown, errorProblem(reply, [-32004]));
}

function answerProblem(reply: Reply): string | undefined {
  if (!reply.ok) return reply.why;
  if (reply.error) return undefined; // an error reply is a refusal the console shows
  return responseProblem('ActionSubmitResponse', reply, 'SubmitResult', submitResultSchema);
}

function sameAnswer(first: Reply, again: Reply): string | undefined {
  if (!first.ok || !again.ok) return again.ok ? 'the first submit had no answer' : again.why;
  const shape = (r: typeof first) => (r.error ? { error: r.error.code } : { result: r.result });
  return isDeepStrictEqual(shape(first), shape(again))
    ? undefined
    : `first ${JSON.stringify(shape(first))}, then ${JSON.stringify(shape(again))}`;
}

export function errorProblem(reply: Reply, codes: number[]): string | undefined {
  if (!reply.ok) return reply.why;
  if (!reply.error) return `a result: ${JSON.stringify(reply.result).slice(0, 200)}`;
  const schema = jsonSchemaProblem('RpcResponse', reply.frame.value);
  if (schema) return schema;
  return codes.includes(reply.error.code)
    ? undefined
    : `error ${reply.error.code} ${reply.error.message}`;
}

interface Followed {
  key: string;
  main: ProbeSocket;
  observer: ProbeSocket | undefined;
  submitted: Submitted;
}

async function checkLifecycle(
  session: KitSession,
  actions: CheckList,
  get: CheckList,
  f: Followed,
) {
  const isFinal = (p: ProbeSocket) =>
    p.waitFor(
      (fr) =>
        fr.method === 'action.status' &&
        statusOf(fr.value)?.key === f.key &&
        FINAL.includes(statusOf(fr.value)?.state ?? ''),
      session.options.actionTimeoutMs,
    );
  const joiner = await session.connected();
  const final = await isFinal(f.main);
  // Anything late about the key would show within a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const frames = f.main.frames.filter(
    (fr) => fr.method === 'action.status' && statusOf(fr.value)?.key === f.key,
  );
  const invalid = frames.find((fr) => fr.schema.length > 0);
  const states = frames.map((fr) => statusOf(fr.value)?.state ?? '?');
  actions.expect(
    RULES.lifecycle,
    invalid
      ? describeFrame(invalid)
      : !final
        ? `no final state within ${session.options.actionTimeoutMs} ms: ${states.join(' → ') || 'no action.status'}`
        : orderProblem(states),
    states.join(' → '),
  );
  checkObserver(actions, f);
  checkJoiner(actions, f, joiner, final);
  const asker = f.observer ?? f.main;
  const reply = await asker.request('action.get', { key: f.key });
  const latest = final ? statusOf(final.value) : undefined;
  get.expect(RULES.get, getProblem(reply, latest), latest ? `answered ${latest.state}` : undefined);
  get.expect(
    RULES.getDescribed,
    reply.ok && !reply.error
      ? descriptionProblem(statusOf(reply.result), f.submitted)
      : 'no ActionStatus to look at',
  );
}

const statusesOf = (probe: ProbeSocket, key: string) =>
  probe.frames.flatMap((fr) => {
    const status = fr.method === 'action.status' ? statusOf(fr.value) : undefined;
    return status?.key === key ? [status] : [];
  });

/** A console connected throughout gets every status, each telling who did what and why. */
function checkObserver(actions: CheckList, f: Followed): void {
  if (!f.observer) {
    actions.skip(RULES.everyone, 'no second connection could be opened');
    return actions.skip(RULES.described, 'no second connection could be opened');
  }
  const seen = statusesOf(f.observer, f.key);
  actions.expect(
    RULES.everyone,
    seen.length > 0
      ? undefined
      : 'a second console connected throughout got no action.status for the key',
  );
  actions.expect(
    RULES.described,
    seen.length === 0
      ? 'the second console got no action.status for the key'
      : seen.map((s) => descriptionProblem(s, f.submitted)).find(Boolean),
  );
}

/** A console whose hello came while the action ran sees it (after its backfill, or live). */
function checkJoiner(
  actions: CheckList,
  f: Followed,
  joiner: ProbeSocket | undefined,
  final: CheckedFrame | undefined,
): void {
  const answeredAt = joiner?.frames.find((fr) => fr.method === undefined)?.at;
  if (!joiner || answeredAt === undefined)
    return actions.skip(RULES.joiner, 'no late connection could say hello');
  if (!final || final.at <= answeredAt)
    return actions.skip(RULES.joiner, 'the action had ended before the late console said hello');
  const seen = statusesOf(joiner, f.key);
  actions.expect(
    RULES.joiner,
    seen.length > 0 ? undefined : 'a console that said hello mid-way got no action.status for it',
  );
}

function orderProblem(states: string[]): string | undefined {
  const finals = states.filter((s) => FINAL.includes(s)).length;
  if (finals > 1 || (finals === 1 && !FINAL.includes(states.at(-1) ?? ''))) {
    return `something was sent after the final state: ${states.join(' → ')}`;
  }
  const ranks = states.map((s) => RANK[s] ?? 2);
  const back = ranks.findIndex((r, i) => i > 0 && r < (ranks[i - 1] ?? 0));
  return back < 0 ? undefined : `went back: ${states.join(' → ')}`;
}

function getProblem(reply: Reply, latest: ActionStatus | undefined): string | undefined {
  if (!reply.ok) return reply.why;
  if (reply.error) return `error ${reply.error.code} ${reply.error.message}`;
  const invalid = responseProblem('ActionGetResponse', reply, 'ActionStatus', actionStatusSchema);
  if (invalid) return invalid;
  const status = statusOf(reply.result);
  if (latest && status?.key !== latest.key) return `answered key ${status?.key}`;
  if (latest && status?.state !== latest.state)
    return `answered ${status?.state}, the last action.status said ${latest.state}`;
  return undefined;
}

function statusOf(value: unknown): ActionStatus | undefined {
  const inner =
    value && typeof value === 'object' && 'method' in value
      ? (value as { params?: unknown }).params
      : value;
  const parsed = actionStatusSchema.safeParse(inner);
  return parsed.success ? parsed.data : undefined;
}
