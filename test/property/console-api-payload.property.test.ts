// Properties of the payload checks at the IPC and browser-host edges: any
// input is either a valid request or refused with a reason, never a crash,
// and a refused request never reaches the console.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionRequestSchema, type ActionRequest } from '../../shared/api/actions';
import { CONSOLE_METHODS, checkCall, isConsoleMethod } from '../../shared/api/contract';
import { endpointConfigSchema } from '../../shared/api/links';
import { ACTION_NAMES, actionArgsSchemas } from '../../shared/protocol';
import { settingsPatchSchema } from '../../shared/api/settings';

const key = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
const ident = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const rollback = fc.record({
  endpointId: ident,
  key,
  action: fc.constant('deploy.rollback' as const),
  args: fc.record({ service: ident, environment: ident }),
});

describe('ConsoleApi payload validation', () => {
  it('checks any call from the page without throwing: a contract method with valid args, or a refusal', () => {
    const method = fc.oneof(fc.constantFrom(...CONSOLE_METHODS), fc.anything());
    fc.assert(
      fc.property(method, fc.anything(), (name, args) => {
        let checked: ReturnType<typeof checkCall> | undefined;
        expect(() => (checked = checkCall(name, args))).not.toThrow();
        if (!checked?.ok) {
          expect(checked?.message).toMatch(/^(unknown method|invalid params)/);
          return;
        }
        expect(isConsoleMethod(name)).toBe(true);
        expect(Array.isArray(checked.args)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('knows no method but the contract’s own keys, whatever the prototype holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty'),
        ),
        (name) => {
          expect(isConsoleMethod(name)).toBe((CONSOLE_METHODS as string[]).includes(name));
        },
      ),
    );
  });

  it('never throws on arbitrary input, for every schema at the edge', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const schema of [actionRequestSchema, endpointConfigSchema, settingsPatchSchema]) {
          expect(() => schema.safeParse(value)).not.toThrow();
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts well-formed rollback requests unchanged', () => {
    fc.assert(
      fc.property(rollback, (request) => {
        const parsed = actionRequestSchema.safeParse(request);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(request);
      }),
    );
  });

  it('refuses a key outside the allowed alphabet, an unknown action, or args of another action', () => {
    fc.assert(
      fc.property(
        rollback,
        fc.oneof(
          fc.constant((r: ActionRequest) => ({ ...r, key: `${r.key}<script>` })),
          fc.constant((r: ActionRequest) => ({ ...r, key: 'short' })),
          fc.constant((r: ActionRequest) => ({ ...r, action: 'shell.exec' })),
          fc.constant((r: ActionRequest) => ({ ...r, action: 'capacity.scale' })),
          fc.constant((r: ActionRequest) => ({ ...r, args: { ...r.args, service: '' } })),
          fc.constant((r: ActionRequest) => ({ ...r, endpointId: 42 })),
        ),
        (request, mutate) => {
          expect(actionRequestSchema.safeParse(mutate(request as ActionRequest)).success).toBe(
            false,
          );
        },
      ),
    );
  });

  it('every action name has an args schema that refuses an empty object', () => {
    for (const name of ACTION_NAMES) {
      expect(actionArgsSchemas[name].safeParse({}).success, name).toBe(false);
    }
  });

  it('refuses endpoint URLs that are not ws or wss', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(endpointConfigSchema.safeParse({ url }).success).toBe(false);
      }),
    );
  });
});
