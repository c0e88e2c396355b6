/** In-memory workspaces for the unit tests: no disk, no editor. */
import { checkWorkspace, type Diagnostic } from '../../src/core/check';
import type { RoadmarkConfig } from '../../src/core/config/config';
import { parseDateOrPeriod } from '../../src/core/dates';
import type { ParsedFile } from '../../src/core/model/types';
import { resolveFiles, type ResolvedWorkspace } from '../../src/core/model/workspace';
import { parsePlanFile } from '../../src/core/parse/index';

export function parse(path: string, text: string): ParsedFile {
  const file = parsePlanFile(path, text);
  if (!file) throw new Error(`${path} was not read as a plan file`);
  return file;
}

export function workspace(files: Record<string, string>): ResolvedWorkspace {
  return resolveFiles(Object.entries(files).map(([path, text]) => parse(path, text)));
}

export function day(text: string): number {
  const parsed = parseDateOrPeriod(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value.first;
}

export function diagnose(files: Record<string, string>, today = '2026-11-23', config?: Partial<RoadmarkConfig>): Diagnostic[] {
  return checkWorkspace(workspace(files), { today: day(today), config: { riskWindowDays: 14, rules: {}, ...config } });
}

/** `rule@file:line:col item` strings: compact and exact. */
export function brief(diags: Diagnostic[], rule?: string): string[] {
  return diags.filter((d) => !rule || d.rule === rule).map((d) => `${d.rule}@${d.file}:${d.line}:${d.column}${d.item ? ' ' + d.item : ''}`);
}

export function rulesOf(diags: Diagnostic[]): string[] {
  return [...new Set(diags.map((d) => d.rule))].sort();
}

/** The text a span covers, to assert that diagnostics point at the right characters. */
export function covered(files: Record<string, string>, d: Diagnostic): string {
  const text = files[d.file].replace(/^\uFEFF/, '');
  return text.slice(d.span.start, d.span.end);
}
