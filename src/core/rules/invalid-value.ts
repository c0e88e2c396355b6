import { parserFindings, type Rule } from './rule';

export const invalidValue: Rule = {
  id: 'invalid-value',
  description: 'An unknown status or horizon, money that does not parse, a negative budget, a value of the wrong type.',
  defaultSeverity: 'error',
  check: (ctx) => parserFindings(ctx.ws, 'invalid-value'),
};
