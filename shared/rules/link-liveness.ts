// Which link states carry live data and accept actions: the main process's
// action desk draws the same line (open or degraded), and refuses the rest.
import type { LinkState } from '../api/links';

export const LIVE_LINK_STATES: readonly LinkState[] = ['open', 'degraded'];

export const isLinkLive = (state: LinkState): boolean => LIVE_LINK_STATES.includes(state);
