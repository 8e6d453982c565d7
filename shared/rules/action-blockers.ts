// Why an action cannot run now, in one wording wherever it shows: a disabled
// control's caption in the renderer, and the action desk's or the release
// gates' refusal in the main process. The renderer checks first only to spare
// the operator a click that would surely be refused; the main process and the
// endpoint check again.
import type { LinkState } from '../api/links';
import type { ActionName, ActionState } from '../protocol';
import { actionWords } from './action-labels';
import { isActionInFlight } from './action-states';
import { isLinkLive } from './link-liveness';

export const BLOCKER = {
  kiosk: 'Kiosk mode: actions are off on this screen',
  consoleDown: 'The console link is down',
  unknownEndpoint: (endpointId: string) => `Endpoint ${endpointId} is not known to the console`,
  linkNotLive: (name: string, state: LinkState) =>
    `Endpoint ${name} is ${state}: actions need a live link`,
  notOffered: (name: string, action: ActionName) =>
    `Endpoint ${name} does not offer ${actionWords(action)}`,
  inFlight: (action: ActionName, state: ActionState) =>
    `Waiting for ${actionWords(action)}: it is still ${state}`,
  /** Release gates; the rest of the sentence says which, or what they wait for. */
  gates: (reason: string) => `Release gates block promotion: ${reason}`,
  /** Promotion reasons, also read after "Promotion blocked: ". */
  halted: (ringName: string) => `the rollout is halted in ${ringName}`,
  everyRing: 'the release already runs in every ring',
  /** Before the console's first evaluation (each second) there is no verdict to pass. */
  notJudged: 'the gates have not judged this release yet',
} as const;

/** A reason fragment as a caption of its own: "The rollout is halted in Beta". */
export const asCaption = (reason: string): string =>
  reason.charAt(0).toUpperCase() + reason.slice(1);

export interface EndpointFacts {
  name: string;
  state: LinkState;
  actions: readonly string[];
}

/** What the endpoint's link says against `action`: what the main process refuses too. */
export function endpointBlocker(
  action: ActionName,
  endpointId: string,
  endpoint: EndpointFacts | undefined,
): string | undefined {
  if (!endpoint) return BLOCKER.unknownEndpoint(endpointId);
  if (!isLinkLive(endpoint.state)) return BLOCKER.linkNotLive(endpoint.name, endpoint.state);
  if (!endpoint.actions.includes(action)) return BLOCKER.notOffered(endpoint.name, action);
  return undefined;
}

export interface BlockerInputs {
  /** Kiosk screens act on nothing. */
  kiosk?: boolean;
  /** The renderer's own link to the console host. */
  consoleLinkUp: boolean;
  endpointId: string;
  endpoint: EndpointFacts | undefined;
  /** The latest action on the same target, if any (not the intent's own). */
  latest?: { action: ActionName; state: ActionState } | undefined;
}

/** Why `action` cannot be started on its target now, or undefined. The first reason wins. */
export function actionBlocker(action: ActionName, inputs: BlockerInputs): string | undefined {
  if (inputs.kiosk) return BLOCKER.kiosk;
  if (!inputs.consoleLinkUp) return BLOCKER.consoleDown;
  const endpoint = endpointBlocker(action, inputs.endpointId, inputs.endpoint);
  if (endpoint) return endpoint;
  // `unknown` does not block: the host may never learn that outcome.
  const { latest } = inputs;
  if (latest && isActionInFlight(latest.state))
    return BLOCKER.inFlight(latest.action, latest.state);
  return undefined;
}
