import { explainDate } from '../human-dates';
import type { Problem } from '../model/types';
import type { Day } from '../dates';
import type { Finding, Rule } from './rule';

export const invalidDate: Rule = {
  id: 'invalid-date',
  description: 'A date or period that does not parse or does not exist (2027-02-30).',
  defaultSeverity: 'error',
  check: (ctx) => ctx.ws.files.flatMap((file) => file.problems.filter((p) => p.rule === 'invalid-date').map((p) => finding(file.path, p, ctx.today))),
};

/** The parser's problem as a finding; a form whose reading depends on today (`Dec 4`, `next week`) is completed here. */
function finding(file: string, p: Problem, today: Day): Finding {
  const forwarded: Finding = { file, span: p.span, message: p.message, item: p.item, fixes: p.fixes };
  if (!p.relativeDate) return forwarded;
  const { text, field, itemLabel, fixSpan } = p.relativeDate;
  const explained = explainDate(text, fixSpan, today);
  if (explained?.kind !== 'readings') return forwarded;
  return { ...forwarded, message: `Invalid ${field} on ${itemLabel}: ${explained.message}`, fixes: explained.fixes };
}
