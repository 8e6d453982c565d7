// The few choices each action leaves to the operator, inside its
// confirmation: which version, which flag and ring, how much capacity, which
// ring to promote to. Locked once the intent was submitted (same key, same ask).
import { useId } from 'react';
import type { ActionArgs, ActionCall, EnvironmentState } from '../../../../shared/protocol';
import { RESOURCE_WORDS } from './action-preview';
import { rolloutOf } from '../../../../shared/rules/ring-rollout';

interface ActionFieldsProps {
  call: ActionCall;
  env: EnvironmentState;
  disabled: boolean;
  onChange(call: ActionCall): void;
}

type Resource = ActionArgs<'capacity.scale'>['resource'];
const RESOURCES = Object.keys(RESOURCE_WORDS) as Resource[];
const EVERYONE = '*';

/** The same call with some arguments replaced (absent values removed). */
function withArgs(call: ActionCall, patch: Record<string, unknown>): ActionCall {
  const args: Record<string, unknown> = { ...call.args, ...patch };
  for (const [name, value] of Object.entries(args)) if (value === undefined) delete args[name];
  return { action: call.action, args } as ActionCall;
}

export function ActionFields({ call, env, disabled, onChange }: ActionFieldsProps) {
  const id = useId();
  const set = (patch: Record<string, unknown>) => onChange(withArgs(call, patch));
  switch (call.action) {
    case 'deploy.rollback':
      return (
        <div className="field">
          <label htmlFor={`${id}-to`}>Roll back to</label>
          <select
            id={`${id}-to`}
            data-testid="action-field-version"
            value={call.args.toVersion ?? ''}
            disabled={disabled}
            onChange={(event) => set({ toVersion: event.target.value })}
          >
            {env.previousVersions.map((version, index) => (
              <option key={version} value={version}>
                {version}
                {index === 0 ? ' (previous)' : ''}
              </option>
            ))}
          </select>
        </div>
      );
    case 'patch.apply':
      return <PatchFields call={call} env={env} disabled={disabled} id={id} set={set} />;
    case 'capacity.scale':
      return (
        <div className="action-fields__row">
          <div className="field">
            <label htmlFor={`${id}-resource`}>Resource</label>
            <select
              id={`${id}-resource`}
              data-testid="action-field-resource"
              value={call.args.resource}
              disabled={disabled}
              onChange={(event) => set({ resource: event.target.value as Resource })}
            >
              {RESOURCES.map((resource) => (
                <option key={resource} value={resource}>
                  {RESOURCE_WORDS[resource]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-change`}>Change (+ adds, − removes)</label>
            <input
              id={`${id}-change`}
              type="number"
              step={1}
              min={-1000}
              max={1000}
              data-testid="action-field-change"
              value={Number.isFinite(call.args.change) ? call.args.change : ''}
              disabled={disabled}
              onChange={(event) => set({ change: Number(event.target.value) })}
            />
          </div>
        </div>
      );
    case 'flag.set':
      return <FlagFields call={call} env={env} disabled={disabled} set={set} id={id} />;
    case 'ring.promote': {
      const { later } = rolloutOf(env);
      return (
        <div className="field">
          <label htmlFor={`${id}-ring`}>Promote to ring</label>
          <select
            id={`${id}-ring`}
            data-testid="action-field-ring"
            value={call.args.toRing ?? later[0]?.id ?? ''}
            disabled={disabled}
            onChange={(event) => set({ toRing: event.target.value })}
          >
            {later.map((ring, index) => (
              <option key={ring.id} value={ring.id}>
                {ring.name} ({ring.id}){index === 0 ? ', the next one' : ''}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case 'build.retry':
    case 'ring.halt':
      return null;
  }
}

interface PatchFieldsProps {
  call: Extract<ActionCall, { action: 'patch.apply' }>;
  env: EnvironmentState;
  disabled: boolean;
  id: string;
  set(patch: Record<string, unknown>): void;
}

/** The version, and (where there are rings) the explicit choice to skip them. */
function PatchFields({ call, env, disabled, id, set }: PatchFieldsProps) {
  const rings = env.rings ?? [];
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-version`}>Patch version</label>
        <input
          id={`${id}-version`}
          type="text"
          data-testid="action-field-version"
          value={call.args.version}
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set({ version: event.target.value })}
        />
      </div>
      {rings.length > 1 && (
        <label className="field__check">
          <input
            type="checkbox"
            data-testid="action-field-all-rings"
            checked={call.args.allRings === true}
            disabled={disabled}
            onChange={(event) => set({ allRings: event.target.checked ? true : undefined })}
          />
          All rings now: skip the rings, every user gets it at once (typed confirmation)
        </label>
      )}
    </>
  );
}

interface FlagFieldsProps {
  call: Extract<ActionCall, { action: 'flag.set' }>;
  env: EnvironmentState;
  disabled: boolean;
  id: string;
  set(patch: Record<string, unknown>): void;
}

function FlagFields({ call, env, disabled, id, set }: FlagFieldsProps) {
  return (
    <div className="action-fields__row">
      <div className="field">
        <label htmlFor={`${id}-flag`}>Flag</label>
        <select
          id={`${id}-flag`}
          data-testid="action-field-flag"
          value={call.args.flag}
          disabled={disabled}
          onChange={(event) => set({ flag: event.target.value })}
        >
          {(env.flags ?? []).map((flag) => (
            <option key={flag.id} value={flag.id}>
              {flag.name ? `${flag.name} (${flag.id})` : flag.id}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-scope`}>For</label>
        <select
          id={`${id}-scope`}
          data-testid="action-field-ring"
          value={call.args.ring ?? EVERYONE}
          disabled={disabled}
          onChange={(event) =>
            set({ ring: event.target.value === EVERYONE ? undefined : event.target.value })
          }
        >
          <option value={EVERYONE}>Everyone (all rings)</option>
          {(env.rings ?? []).map((ring) => (
            <option key={ring.id} value={ring.id}>
              {ring.name} ({ring.id})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>Set to</label>
        <select
          id={`${id}-state`}
          data-testid="action-field-enabled"
          value={call.args.enabled ? 'on' : 'off'}
          disabled={disabled}
          onChange={(event) => set({ enabled: event.target.value === 'on' })}
        >
          <option value="on">On</option>
          <option value="off">Off</option>
        </select>
      </div>
    </div>
  );
}
