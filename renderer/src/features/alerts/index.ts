// The alerts feature as other features and the app see it: nothing else of it is imported from outside.
export { alertContext } from './alert-context';
export { AlertTable } from './alert-table';
export { AlertTimeline } from './alert-timeline';
export { AlertsView } from './alerts-view';
