// Which values may reach a command line, and where. Identifiers and versions
// must look like identifiers (no leading dash, no blanks, no shell or path
// characters), so that even as a bare argv element they can never become an
// option, a second argument or shell text. Free text (the operator's reason,
// their name, the idempotency key) may only travel where it is inert: after a
// `--` element, or inside a JSON element.

/** Letters and digits first, then letters, digits, `.`, `_`, `+`, `-`: 1.0.1, billing, rc-2. */
export const SAFE_VALUE = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;

/** Placeholders whose values are free text: allowed only after `--` or inside JSON. */
export const FREE_TEXT_FIELDS = ['key', 'operator', 'reason'] as const;

/** Every placeholder a template may name: the action's arguments, resolved, plus free text. */
export const TEMPLATE_FIELDS = [
  'service',
  'environment',
  'version',
  'toVersion',
  'fromVersion',
  'build',
  'flag',
  'enabled',
  'ring',
  'toRing',
  'resource',
  'change',
  'total',
  ...FREE_TEXT_FIELDS,
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const isFreeText = (field: string): boolean =>
  (FREE_TEXT_FIELDS as readonly string[]).includes(field);

/** Why a value may not be used as an argument, or undefined when it may. */
export function unsafeValueProblem(field: string, value: unknown): string | undefined {
  if (isFreeText(field)) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return undefined;
  if (typeof value !== 'string') return `${field} must be a string`;
  if (SAFE_VALUE.test(value)) return undefined;
  return `${field} ${JSON.stringify(value.slice(0, 80))} is refused: it must start with a letter or digit and hold only letters, digits, '.', '_', '+' and '-'`;
}

/** The first problem among an action's arguments, if any. */
export function argumentsProblem(args: Record<string, unknown>): string | undefined {
  for (const [field, value] of Object.entries(args)) {
    const problem = unsafeValueProblem(field, value);
    if (problem) return problem;
  }
  return undefined;
}
