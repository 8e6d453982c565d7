// The detail feature as other features and the app see it: nothing else of it is imported from outside.
export { DetailView } from './detail-view';
