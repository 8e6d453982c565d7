// Review mode: an incident snapshot opened for review, the instant the wall
// shows from it, and the notes and annotations being written on it. While a
// review is open the store takes no live deltas (console-store gates them);
// features/review/review-projection.ts draws the wall from the snapshot.
import type { Snapshot, SnapshotAnnotation } from '../../../shared/api/snapshot';
import type { ConsoleSliceCreator } from './console-store';

export interface ReviewSession {
  /** The file's name in the snapshots folder: what annotate and report name. */
  fileName: string;
  /** As the host returned it: validated, points decimated for charts. */
  snapshot: Snapshot;
  /** The instant the wall shows, within the snapshot's window. */
  at: number;
  /** The notes being edited (the file holds `snapshot.meta.notes`). */
  notes: string;
  annotations: SnapshotAnnotation[];
  /** Notes or annotations changed since the file was last written. */
  unsaved: boolean;
}

export interface ReviewSlice {
  review: ReviewSession | undefined;
  /** The name of the snapshot being read or opened by the host, if any. */
  snapshotOpening: string | undefined;
  /** Why the last snapshot could not be opened, until dismissed or another opens. */
  snapshotOpenError: string | undefined;
  noteSnapshotOpening(name: string): void;
  noteSnapshotOpenFailed(error: string): void;
  dismissSnapshotOpenError(): void;
  /** Starts (or switches) the review, showing the wall as it was at export. */
  enterReview(fileName: string, snapshot: Snapshot): void;
  /** Moves the wall to `at`, kept within the window. */
  setReviewAt(at: number): void;
  setReviewNotes(notes: string): void;
  addReviewAnnotation(annotation: SnapshotAnnotation): void;
  removeReviewAnnotation(id: string): void;
  /** The file now holds these notes and annotations. */
  noteReviewSaved(notes: string, annotations: SnapshotAnnotation[]): void;
  /** Ends the review; the caller applies the live state in the same tick. */
  leaveReview(): void;
}

export const clampToWindow = (snapshot: Snapshot, at: number): number => {
  const { from, to } = snapshot.meta.window;
  return Number.isFinite(at) ? Math.min(to, Math.max(from, at)) : to;
};

export const createReviewSlice: ConsoleSliceCreator<ReviewSlice> = (set) => {
  const edit = (change: (review: ReviewSession) => Partial<ReviewSession>) =>
    set((store) => (store.review ? { review: { ...store.review, ...change(store.review) } } : {}));
  return {
    review: undefined,
    snapshotOpening: undefined,
    snapshotOpenError: undefined,
    noteSnapshotOpening: (name) => set({ snapshotOpening: name, snapshotOpenError: undefined }),
    noteSnapshotOpenFailed: (error) =>
      set({ snapshotOpening: undefined, snapshotOpenError: error }),
    dismissSnapshotOpenError: () => set({ snapshotOpenError: undefined }),
    enterReview: (fileName, snapshot) =>
      set({
        review: {
          fileName,
          snapshot,
          at: snapshot.meta.window.to,
          notes: snapshot.meta.notes,
          annotations: [...snapshot.annotations].sort((a, b) => a.at - b.at),
          unsaved: false,
        },
        snapshotOpening: undefined,
        snapshotOpenError: undefined,
        // The live wall's detail and arranging make no sense over a snapshot.
        detailKey: undefined,
        arranging: false,
      }),
    setReviewAt: (at) =>
      edit((review) => {
        const next = clampToWindow(review.snapshot, at);
        return next === review.at ? {} : { at: next };
      }),
    setReviewNotes: (notes) => edit(() => ({ notes, unsaved: true })),
    addReviewAnnotation: (annotation) =>
      edit((review) => ({
        annotations: [...review.annotations, annotation].sort((a, b) => a.at - b.at),
        unsaved: true,
      })),
    removeReviewAnnotation: (id) =>
      edit((review) => ({
        annotations: review.annotations.filter((annotation) => annotation.id !== id),
        unsaved: true,
      })),
    noteReviewSaved: (notes, annotations) =>
      edit((review) => ({
        snapshot: { ...review.snapshot, meta: { ...review.snapshot.meta, notes }, annotations },
        // Edits made while the save was in flight stay unsaved.
        unsaved: review.notes !== notes || review.annotations !== annotations,
      })),
    leaveReview: () => set({ review: undefined, detailKey: undefined }),
  };
};
