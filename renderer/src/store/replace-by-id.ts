// Delta semantics for lists keyed by id: updated entries replace in place,
// new ones are appended, untouched ones keep their identity (no re-render).
export function replaceById<T>(current: T[], updates: T[], idOf: (item: T) => string): T[] {
  const byId = new Map(updates.map((item) => [idOf(item), item]));
  const next = current.map((item) => {
    const update = byId.get(idOf(item));
    byId.delete(idOf(item));
    return update ?? item;
  });
  return next.concat([...byId.values()]);
}
