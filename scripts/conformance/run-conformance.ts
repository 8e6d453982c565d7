// Runs every section of the kit against one endpoint and returns the report.
// Sections that watch the same time span run side by side, so a run takes
// about twice the endpoint's heartbeat plus whatever the action takes.
import { CheckList, SECTIONS, type ConformanceReport, type Section } from './conformance-report';
import { checkActions } from './action-checks';
import { checkCatalog } from './catalog-checks';
import { checkCloseCodes } from './close-code-checks';
import { checkDeploymentsFrames, checkResume, deploymentsOf } from './deployments-checks';
import { checkAfterHello, checkUnknownProtocol, checkUpgrade, openMain } from './handshake-checks';
import { KitSession, type KitOptions } from './kit-session';
import { checkLimits } from './limits-checks';
import { checkPongs, checkSilentConsole } from './liveness-checks';
import { checkSamples } from './samples-checks';
import { checkOutOfTurn } from './turn-checks';

export async function runConformance(options: KitOptions): Promise<ConformanceReport> {
  const session = new KitSession(options);
  const lists = Object.fromEntries(SECTIONS.map((s) => [s, new CheckList(s)])) as Record<
    Section,
    CheckList
  >;
  try {
    await checkUpgrade(session, lists.handshake);
    if (await openMain(session, lists.handshake)) await runSections(session, lists);
    else skipTheRest(lists);
  } finally {
    await session.closeAll();
  }
  const hello = session.hello?.endpoint;
  return {
    url: options.url,
    ...(hello ? { endpoint: `${hello.name}${hello.version ? ` ${hello.version}` : ''}` } : {}),
    checks: SECTIONS.flatMap((s) => lists[s].checks),
  };
}

async function runSections(session: KitSession, lists: Record<Section, CheckList>): Promise<void> {
  await Promise.all([
    new Promise((resolve) => setTimeout(resolve, session.options.watchMs)),
    checkPongs(session, lists.liveness),
    checkSilentConsole(session, lists.liveness),
    checkCloseCodes(session, lists['close codes']),
    checkUnknownProtocol(session, lists.handshake),
    checkOutOfTurn(session, lists.handshake),
  ]);
  checkAfterHello(session, lists.handshake);
  const view = checkDeploymentsFrames(session, lists.deployments);
  checkCatalog(session, lists.catalog, view.services);
  checkSamples(session, lists.samples);
  const observer = await checkResume(session, lists.deployments, view);
  const now = deploymentsOf(
    session.notifications().filter((f) => f.method?.startsWith('deployments.')),
  );
  await checkActions(session, lists.actions, lists['action.get'], now.services, observer);
  checkLimits(session, lists.limits);
}

function skipTheRest(lists: Record<Section, CheckList>): void {
  for (const section of SECTIONS) {
    if (section === 'handshake') continue;
    lists[section].skip(`§${section}`, 'the handshake failed: nothing more can be checked');
  }
}
