// A stable, readable id for an endpoint, derived from its URL: the same URL
// gets the same id across restarts, which settings and snapshots rely on.
export function endpointIdFor(url: string, taken: ReadonlySet<string>): string {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/+$/, '');
  const base = `${parsed.host}${path}`.replace(/[^A-Za-z0-9._:-]+/g, '-');
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}~${n}`;
  return id;
}
