import { parserFindings, type Rule } from './rule';

export const unknownField: Rule = {
  id: 'unknown-field',
  description: 'A field no kind of item knows (or one that does not apply to this kind); suggests the nearest known name.',
  defaultSeverity: 'warning',
  check: (ctx) => parserFindings(ctx.ws, 'unknown-field'),
};
