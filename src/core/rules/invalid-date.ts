import { parserFindings, type Rule } from './rule';

export const invalidDate: Rule = {
  id: 'invalid-date',
  description: 'A date or period that does not parse or does not exist (2027-02-30).',
  defaultSeverity: 'error',
  check: (ctx) => parserFindings(ctx.ws, 'invalid-date'),
};
