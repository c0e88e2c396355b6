/**
 * Which fixes a rule carries are safe to apply without looking (fix all, fix on save), and the
 * check every carried fix passes first: applied, the file reads with no problem it did not have.
 */
import { synonymOf } from '../../model/fields';
import type { Fix, ParsedFile, Problem } from '../../model/types';
import { parsePlanFile } from '../../parse/index';
import { applyEdits, type TextEdit } from '../edits';
import type { FixTarget } from './types';

/** The rules whose carried fix can be safe: one reading of a date, a synonym's canonical name. */
export const FIX_ALL_RULES: readonly string[] = ['invalid-date', 'unknown-field'];

/** The parser's problem behind a diagnostic, if it is one. */
export function problemOf(file: ParsedFile | undefined, target: FixTarget): Problem | undefined {
  return file?.problems.find((p) => p.rule === target.rule && p.span.start === target.span.start && p.span.end === target.span.end);
}

/**
 * A fix that means the same to everyone: the only reading of a date that does not depend on
 * today (not `Dec 4`, not `next week`, not `12/04/2026`), or a synonym renamed to its field
 * (not a guess at a typo).
 */
export function safeFix(file: ParsedFile | undefined, target: FixTarget): Fix | undefined {
  if (!FIX_ALL_RULES.includes(target.rule) || target.fixes?.length !== 1) return undefined;
  const problem = problemOf(file, target);
  if (!problem) return undefined;
  const fix = target.fixes[0];
  if (fix.guess || problem.relativeDate) return undefined;
  return target.rule === 'invalid-date' || (problem.key !== undefined && synonymOf(problem.key) === fix.text) ? fix : undefined;
}

/** Problems of the edited text that the original did not have (compared by rule and message). */
export function addsProblems(path: string, body: string, edits: readonly TextEdit[]): boolean {
  const before = parsePlanFile(path, body);
  const after = parsePlanFile(path, applyEdits(body, edits));
  if (!before || !after) return true;
  const seen = new Map<string, number>();
  for (const p of before.problems) seen.set(key(p), (seen.get(key(p)) ?? 0) + 1);
  for (const p of after.problems) {
    const n = seen.get(key(p)) ?? 0;
    if (n === 0) return true;
    seen.set(key(p), n - 1);
  }
  return false;
}

function key(p: Problem): string {
  return `${p.rule}\u0000${p.message}`;
}
