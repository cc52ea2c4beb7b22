import { builtInVariables, type Template } from '../../shared/templates';
import { WorkbenchError } from '../../shared/api/errors';

const placeholder = /\{\{\s*([a-zA-Z_]\w*)\s*\}\}/g;

export interface RenderedPrompt {
  system: string | null;
  user: string;
  /** Placeholders with no built-in or template-defined variable behind them. */
  unknown: string[];
  /** Template-defined variables the body never uses. */
  unused: string[];
}

/**
 * Fills a template's placeholders. Values are inserted literally (a problem
 * statement containing `{{x}}` stays as it is); a user variable's default may
 * refer to other variables, and a cycle among them is an error that names it.
 */
export function renderTemplate(template: Template, values: Partial<Record<string, string>> = {}): RenderedPrompt {
  const defined = new Map(template.variables.map((v) => [v.name, v.default]));
  const known = new Set<string>([...builtInVariables, ...defined.keys()]);
  const unknown = new Set<string>();
  const used = new Set<string>();

  const resolve = (name: string, chain: string[]): string => {
    if (values[name] !== undefined) return values[name] ?? '';
    if (!defined.has(name)) return '';
    if (chain.includes(name)) {
      throw new WorkbenchError('ValidationError', 'variable_loop', `Variables refer to each other in a loop: ${[...chain, name].join(' → ')}.`);
    }
    return expand(defined.get(name) ?? '', [...chain, name]);
  };
  const expand = (text: string, chain: string[]): string =>
    text.replace(placeholder, (whole, name: string) => {
      used.add(name);
      if (!known.has(name)) {
        unknown.add(name);
        return whole;
      }
      return resolve(name, chain);
    });

  const user = expand(template.body, []);
  const system = template.system === null ? null : expand(template.system, []);
  return {
    system,
    user,
    unknown: [...unknown].sort(),
    unused: template.variables.map((v) => v.name).filter((n) => !used.has(n)),
  };
}
