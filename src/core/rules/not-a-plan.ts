import { parserFindings, type Rule } from './rule';

/** A file named on the command line that holds no plan item (1.1): said, with how to make it a plan. */
export const notAPlan: Rule = {
  id: 'not-a-plan',
  description: 'A file named explicitly holds no plan item; the message says how to make it one.',
  defaultSeverity: 'info',
  check: (ctx) => parserFindings(ctx.ws, 'not-a-plan'),
};
