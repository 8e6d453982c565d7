// What tells tiles apart. A cohort's title ("Current users (beta on 5.9.0)")
// becomes the measure's name and a chip for the ring or baseline, with the
// version added only where two tiles would otherwise read the same. A name too
// long for its tile is shortened in its middle: the words that tell it from
// other names ("Pulse 42", "Response time p95") are kept whole.

export interface TitledSeries {
  key: string;
  title: string;
  attributes?: Record<string, string>;
}

export interface TitleParts {
  name: string;
  /** Ring, baseline or label; absent for a series that stands alone. */
  chip?: string;
  /** The name's last words that tell it from other names; never shortened. */
  keep: string;
}

const QUALIFIED = /^(.+?)\s*\(([^()]+)\)$/;

function splitTitle(series: TitledSeries): { name: string; chip?: string; version?: string } {
  const match = QUALIFIED.exec(series.title);
  const name = match?.[1] ?? series.title;
  const qualifier = match?.[2];
  const attributes = series.attributes ?? {};
  const version = attributes.version;
  const cohort = attributes.ring ?? (attributes.baseline === 'true' ? 'baseline' : undefined);
  const chip = cohort ?? qualifier ?? version;
  return { name, ...(chip ? { chip } : {}), ...(version ? { version } : {}) };
}

/** Names by word: how many distinct names pass through each word prefix. */
interface WordNode {
  names: number;
  next: Map<string, WordNode>;
}

const wordNode = (): WordNode => ({ names: 0, next: new Map() });

/**
 * Each name's words after the longest word prefix it shares with any other
 * name (2 for "Pulse 4 a" beside "Pulse 4 b"); its last word if it shares
 * none, nothing if it is all shared. One pass to index, one to read: thousands
 * of titles cost milliseconds, not the seconds comparing every pair took.
 */
function distinguishingTails(names: string[]): Map<string, string> {
  const root = wordNode();
  const split = names.map((name) => name.split(' '));
  for (const words of split) {
    let node = root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = wordNode()));
      child.names += 1;
      node = child;
    }
  }
  const tails = new Map<string, string>();
  split.forEach((words, index) => {
    let node = root;
    let shared = 0;
    for (const word of words) {
      node = node.next.get(word) as WordNode;
      if (node.names < 2) break;
      shared += 1;
    }
    const tail = shared >= words.length ? '' : words.slice(shared === 0 ? -1 : shared).join(' ');
    tails.set(names[index] as string, tail);
  });
  return tails;
}

export function titleParts(series: TitledSeries[]): Map<string, TitleParts> {
  const split = series.map((entry) => ({ key: entry.key, ...splitTitle(entry) }));
  const readAs = (entry: (typeof split)[number]) => `${entry.name}\u0000${entry.chip ?? ''}`;
  const count = new Map<string, number>();
  for (const entry of split) count.set(readAs(entry), (count.get(readAs(entry)) ?? 0) + 1);
  const names = [...new Set(split.map((entry) => entry.name))];
  const tails = distinguishingTails(names);
  const parts = new Map<string, TitleParts>();
  for (const entry of split) {
    const twin = (count.get(readAs(entry)) ?? 0) > 1;
    const chip =
      twin && entry.version && entry.chip !== entry.version
        ? `${entry.chip} ${entry.version}`
        : entry.chip;
    parts.set(entry.key, {
      name: entry.name,
      keep: tails.get(entry.name) ?? '',
      ...(chip ? { chip } : {}),
    });
  }
  return parts;
}

/** Fewer characters of a name's head than this tell nothing ("F… requests"): none are shown. */
const MIN_HEAD_CHARS = 2;

/** The name in at most `maxChars` characters, the ellipsis in its middle, `keep` whole. */
export function shortenName(name: string, keep: string, maxChars: number): string {
  if (name.length <= maxChars) return name;
  if (!keep) return `${name.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
  const head = name.slice(0, Math.max(0, maxChars - keep.length - 2)).trimEnd();
  if (head.length >= MIN_HEAD_CHARS) return `${head}… ${keep}`;
  // No room for the head: the kept words with the mark, spaced as above where
  // it fits, so two copies of a name at different widths read alike.
  if (maxChars >= keep.length + 2) return `… ${keep}`;
  return maxChars > keep.length ? `…${keep}` : keep;
}
