// The state a snapshot's history gives at one instant: for each subject (an
// endpoint's deployments, the releases, a link, an action) its last change
// at or before the instant. Entries may come in any order and repeat: they
// are sorted by time once per list (stable, so of two at the same time the
// later one in the file wins), and a repeat changes nothing.
const sortedLists = new WeakMap<object, unknown[]>();

function byTime<T extends { at: number }>(list: readonly T[]): T[] {
  const cached = sortedLists.get(list) as T[] | undefined;
  if (cached) return cached;
  const sorted = list
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
  sortedLists.set(list, sorted);
  return sorted;
}

/**
 * Each subject's value at `at`: its last change by then, or, for a subject
 * whose first recorded change came later, that first change (the earliest
 * state known; the console cannot have recorded what came before it).
 */
export function latestBySubject<T extends { at: number }, V>(
  list: readonly T[],
  subjectOf: (entry: T) => string,
  at: number,
  valueOf: (entry: T) => V,
): Map<string, V> {
  const out = new Map<string, V>();
  const settled = new Set<string>();
  for (const entry of byTime(list)) {
    const subject = subjectOf(entry);
    if (entry.at <= at) {
      out.set(subject, valueOf(entry));
      settled.add(subject);
    } else if (!settled.has(subject) && !out.has(subject)) {
      out.set(subject, valueOf(entry));
    }
  }
  return out;
}

/** Only the changes at or before `at`: what had happened by then. */
export function changedBy<T extends { at: number }, V>(
  list: readonly T[],
  subjectOf: (entry: T) => string,
  at: number,
  valueOf: (entry: T) => V,
): Map<string, V> {
  const out = new Map<string, V>();
  for (const entry of byTime(list)) {
    if (entry.at > at) break;
    out.set(subjectOf(entry), valueOf(entry));
  }
  return out;
}
