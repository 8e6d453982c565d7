// Writes the review's notes and annotations back into its file, and renders
// the file's HTML report (saving first, so the report has what is on screen).
import type { SnapshotFileInfo } from '../../../../shared/api/snapshot-files';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';

function currentReview() {
  const review = useConsoleStore.getState().review;
  if (!review) throw new Error('no snapshot is being reviewed');
  return review;
}

export async function saveReview(): Promise<SnapshotFileInfo> {
  const { fileName, notes, annotations } = currentReview();
  const saved = await getConsoleApi().annotateSnapshot({ fileName, notes, annotations });
  const store = useConsoleStore.getState();
  if (store.review?.fileName === fileName) store.noteReviewSaved(notes, annotations);
  return saved;
}

export async function exportReviewReport(): Promise<SnapshotFileInfo> {
  const review = currentReview();
  if (review.unsaved) await saveReview();
  return getConsoleApi().exportReport({ fileName: review.fileName });
}
