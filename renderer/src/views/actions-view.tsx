// The Actions view: the audit log, listed, filtered and searched. (Being built.)
export function ActionsView() {
  return (
    <main className="actions-view" data-testid="actions-view">
      <h2>Actions</h2>
    </main>
  );
}
