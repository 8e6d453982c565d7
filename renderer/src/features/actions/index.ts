// The actions feature as other features and the app see it: nothing else of it is imported from outside.
export { useActionGate } from './action-gate';
export { newActionKey } from './action-key';
export { ActionLauncher } from './action-launcher';
export { RESOURCE_WORDS, defaultRollbackVersion } from './action-preview';
export { useReleaseGate } from './action-release-gate';
export { busyWords, doneWords } from './action-busy';
export { ActionStatus, ElsewhereMark } from './action-status';
export { useSubmitFlow } from './action-submit';
export { ActionsView } from './actions-view';
