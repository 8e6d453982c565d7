// Every scenario by name, the default, and the one check the CLI and the
// server share for a name typed by a person.
import { badDeploy } from './bad-deploy';
import { badFlag } from './bad-flag';
import { failingBuild } from './failing-build';
import { loadSpike } from './load-spike';
import { ringRollout } from './ring-rollout';
import { SCENARIO_NAMES, type Scenario, type ScenarioName } from './scenario';

export const DEFAULT_SCENARIO: ScenarioName = 'bad-deploy';

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  'bad-deploy': badDeploy,
  'load-spike': loadSpike,
  'bad-flag': badFlag,
  'failing-build': failingBuild,
  'ring-rollout': ringRollout,
};

export const isScenarioName = (name: string): name is ScenarioName =>
  (SCENARIO_NAMES as readonly string[]).includes(name);

/** The scenario called `name`; the error lists the names there are. */
export function scenarioNamed(name: string = DEFAULT_SCENARIO): Scenario {
  if (!isScenarioName(name)) {
    throw new Error(`unknown scenario ${name}: expected one of ${SCENARIO_NAMES.join(', ')}`);
  }
  return SCENARIOS[name];
}
