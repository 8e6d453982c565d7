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

/** Word-prefix length two names share: 2 for "Pulse 4 a" and "Pulse 4 b". */
function sharedWords(a: string[], b: string[]): number {
  let count = 0;
  while (count < a.length && count < b.length && a[count] === b[count]) count += 1;
  return count;
}

/** The words after the longest prefix this name shares with any other; the last word if none. */
function distinguishingTail(name: string, others: string[][]): string {
  const words = name.split(' ');
  const shared = Math.max(0, ...others.map((other) => sharedWords(words, other)));
  if (shared >= words.length) return '';
  return words.slice(shared === 0 ? words.length - 1 : shared).join(' ');
}

export function titleParts(series: TitledSeries[]): Map<string, TitleParts> {
  const split = series.map((entry) => ({ key: entry.key, ...splitTitle(entry) }));
  const readAs = (entry: (typeof split)[number]) => `${entry.name}\u0000${entry.chip ?? ''}`;
  const count = new Map<string, number>();
  for (const entry of split) count.set(readAs(entry), (count.get(readAs(entry)) ?? 0) + 1);
  const names = [...new Set(split.map((entry) => entry.name))];
  const tails = new Map(
    names.map((name) => [
      name,
      distinguishingTail(
        name,
        names.filter((other) => other !== name).map((other) => other.split(' ')),
      ),
    ]),
  );
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

/** The name in at most `maxChars` characters, the ellipsis in its middle, `keep` whole. */
export function shortenName(name: string, keep: string, maxChars: number): string {
  if (name.length <= maxChars) return name;
  if (!keep) return `${name.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
  const head = name.slice(0, Math.max(0, maxChars - keep.length - 2)).trimEnd();
  // No room for any of the head: the kept words alone, with the mark if it fits.
  if (!head) return maxChars > keep.length ? `…${keep}` : keep;
  return `${head}… ${keep}`;
}
