// The Releases view: a release ring by ring against its baseline. (Being built.)
export function ReleasesView() {
  return (
    <main className="releases-view" data-testid="releases-view">
      <h2>Releases</h2>
    </main>
  );
}
