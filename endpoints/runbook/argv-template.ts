// A command line as a list of elements, built from validated values and never
// parsed by a shell. An element is a literal with `{field}` placeholders, or
// `{"json": {...}}`: one element holding a JSON object (for ansible-playbook's
// `-e`), whose string members may hold placeholders too.
import {
  TEMPLATE_FIELDS,
  isFreeText,
  unsafeValueProblem,
  type TemplateField,
} from './argument-safety';

export type ArgTemplate = string | { json: Record<string, unknown> };
export type TemplateValues = Partial<Record<TemplateField, string | number | boolean>>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholders a string names, in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

/**
 * Problems with a template, checked once when the config is loaded: unknown
 * placeholders, and free text placed where it could become an option.
 */
export function templateProblems(template: ArgTemplate[]): string[] {
  const problems: string[] = [];
  let afterDashes = false;
  template.forEach((element, index) => {
    if (typeof element !== 'string') {
      for (const name of placeholdersOf(JSON.stringify(element.json))) {
        if (!isField(name)) problems.push(`args[${index}]: unknown placeholder {${name}}`);
      }
      return;
    }
    for (const name of placeholdersOf(element)) {
      if (!isField(name)) problems.push(`args[${index}]: unknown placeholder {${name}}`);
      else if (isFreeText(name) && !afterDashes)
        problems.push(
          `args[${index}]: {${name}} is free text: put it after a "--" element or inside {"json": ...}`,
        );
    }
    if (element === '--') afterDashes = true;
  });
  return problems;
}

const isField = (name: string): name is TemplateField =>
  (TEMPLATE_FIELDS as readonly string[]).includes(name);

export class UnsafeArgumentError extends Error {}

/** The argv elements; throws UnsafeArgumentError when a value named by the template is unsafe. */
export function buildArgv(template: ArgTemplate[], values: TemplateValues): string[] {
  return template.map((element) =>
    typeof element === 'string'
      ? fill(element, values)
      : JSON.stringify(fillJson(element.json, values)),
  );
}

function fill(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => String(valueOf(name, values)));
}

/** Inside JSON a whole-placeholder string keeps its value's type (a number stays a number). */
function fillJson(value: unknown, values: TemplateValues): unknown {
  if (typeof value === 'string') {
    const whole = /^\{([A-Za-z]+)\}$/.exec(value);
    return whole ? valueOf(whole[1] as string, values) : fill(value, values);
  }
  if (Array.isArray(value)) return value.map((item) => fillJson(item, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, fillJson(item, values)]),
    );
  }
  return value;
}

function valueOf(name: string, values: TemplateValues): string | number | boolean {
  const value = values[name as TemplateField];
  if (value === undefined) return '';
  const problem = unsafeValueProblem(name, value);
  if (problem) throw new UnsafeArgumentError(problem);
  return value;
}
