import { parserFindings, type Rule } from './rule';

/** How keys are compared with the config's `fields:`: lower case, `_` and spaces read as `-`. */
export function normaliseFieldName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Keys the config declares as a team's own fields (`fields: [risk, team]`) are read, never reported. */
export const unknownField: Rule = {
  id: 'unknown-field',
  description: 'A field no kind of item knows (or one that does not apply to this kind); suggests the nearest known name.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const declared = new Set((ctx.fields ?? []).map(normaliseFieldName));
    return parserFindings(ctx.ws, 'unknown-field', (p) => p.key === undefined || !declared.has(normaliseFieldName(p.key)));
  },
};
