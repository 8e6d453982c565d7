// The releases feature as other features and the app see it: nothing else of it is imported from outside.
export { ReleasesView } from './releases-view';
