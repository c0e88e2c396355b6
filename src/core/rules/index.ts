/** The rule registry: every rule of the plan format, in the order of the spec. */
import { afterTarget } from './after-target';
import { atRisk } from './at-risk';
import { brokenLink } from './broken-link';
import { dependencyCycle } from './dependency-cycle';
import { dependencyOrder } from './dependency-order';
import { duplicateId } from './duplicate-id';
import { invalidDate } from './invalid-date';
import { invalidValue } from './invalid-value';
import { overBudget } from './over-budget';
import { overdue } from './overdue';
import { notAPlan } from './not-a-plan';
import { parseError } from './parse-error';
import type { Rule } from './rule';
import { slipped } from './slipped';
import { statusMismatch } from './status-mismatch';
import { unknownField } from './unknown-field';
import { unlinked } from './unlinked';
import { unplanned } from './unplanned';

export const RULES: readonly Rule[] = [
  parseError, duplicateId, brokenLink, invalidDate, invalidValue, unknownField, overdue, atRisk,
  unlinked, afterTarget, unplanned, dependencyOrder, dependencyCycle, overBudget, statusMismatch, notAPlan, slipped,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** Where each rule's documentation lives (the diagnostic's code target, SARIF helpUri). */
export const DOCS_BASE = 'https://github.com/roadmark/roadmark/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export type { Finding, RelatedInfo, Rule, RuleContext } from './rule';
