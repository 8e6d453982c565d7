// The deployments feature as other features and the app see it: nothing else of it is imported from outside.
export { DeploymentsView } from './deployments-view';
export { ServiceCard } from './service-card';
