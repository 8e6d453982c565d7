// Chart text and line sizes, following the window so they read the same at
// 1920×1080 and twice as large at 3840×2160.

/** A tile's axis and marker labels. */
export const tileLabelSize = (): number => Math.max(12, Math.round(window.innerHeight / 85));

/** The detail view's axis, threshold and marker labels. */
export const detailLabelSize = (): number => Math.max(14, Math.round(window.innerHeight / 70));

/** Lines: 2 px at 1080p, 4 px at 2160p. */
export const chartLineWidth = (): number => Math.max(2, Math.round(window.innerHeight / 540));
