// The connections feature as other features and the app see it: nothing else of it is imported from outside.
export { ConnectionsView } from './connections-view';
export { LINK_STATE_ICON, linkStateWords } from './link-state-words';
