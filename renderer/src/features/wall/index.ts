// The wall feature as other features and the app see it: nothing else of it is imported from outside.
export { summarizeWall } from './wall-summary';
export type { WallSummary } from './wall-summary';
export { WallView } from './wall-view';
