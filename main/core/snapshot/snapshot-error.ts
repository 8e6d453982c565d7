// Why a snapshot could not be opened (or written), as a code the UI can act on
// and a sentence an operator can read.
import type { SnapshotErrorReason } from '../../../shared/api/snapshot';

export type { SnapshotErrorReason };

export class SnapshotError extends Error {
  constructor(
    readonly reason: SnapshotErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SnapshotError';
  }
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** The first few schema issues as `path: message`, for an `invalid` error. */
export function describeIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const path = [...prefix, ...issue.path].map(String).join('.');
    return `${path || '(document)'}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/**
 * Words for any failure, never an empty string: some libraries throw an
 * Error with no message (ECharts' assertions), or throw things that are not Errors.
 */
export function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    const message = err.message.trim();
    if (message) return message;
    const where = err.stack?.split('\n')[1]?.trim();
    return `${err.name || 'Error'} without a message${where ? ` (${where})` : ''}`;
  }
  const text = String(err).trim();
  return text || 'an unknown error';
}
