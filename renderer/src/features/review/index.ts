// The review feature as other features and the app see it: nothing else of it is imported from outside.
export { ReviewPanel } from './review-panel';
export { startReviewProjection } from './review-projection';
