// What a request asks for, read without ever throwing: a malformed target
// (`//[`, a bad percent-escape) is a 400 for its sender, never an exception
// that takes the host down with it.

export interface RequestTarget {
  /** The path as sent (percent-escapes kept), dot segments resolved. */
  path: string;
  params: URLSearchParams;
}

export function parseTarget(url: string | undefined): RequestTarget | undefined {
  // Only origin-form targets: an absolute URL, `//host` or `/\host` (URL parsers
  // read a backslash as a slash) would be read as another host.
  if (!url?.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return undefined;
  try {
    const parsed = new URL(url, 'http://watchfloor.invalid');
    return { path: parsed.pathname, params: parsed.searchParams };
  } catch {
    return undefined;
  }
}

/** A percent-decoded path segment, or undefined when the escapes are malformed. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
