import { parserFindings, type Rule } from './rule';

/** Front matter or YAML that cannot be read, broken attribute blocks, binary or oversized plan files. */
export const parseError: Rule = {
  id: 'parse-error',
  description: 'A plan file, its front matter or an attribute block cannot be read.',
  defaultSeverity: 'error',
  check: (ctx) => parserFindings(ctx.ws, 'parse-error'),
};
