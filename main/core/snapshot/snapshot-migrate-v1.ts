// Version 1 → 2: version 2 added the history of deployments, releases, links
// and actions. A version 1 file recorded none, so it gets an empty history
// marked as not recorded: review says so, and shows those as exported.
import { EMPTY_HISTORY } from '../../../shared/api/snapshot';
import type { RawDocument } from './snapshot-parse';

export function migrateV1(doc: RawDocument): Promise<RawDocument> {
  return Promise.resolve({ ...doc, version: 2, history: EMPTY_HISTORY });
}
