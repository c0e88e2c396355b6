/** Runs the rules over a resolved workspace and returns located, sorted diagnostics. */
import type { Day } from './dates';
import type { RoadmarkConfig } from './config/config';
import { DEFAULT_RISK_WINDOW_DAYS } from './config/config';
import { positionAt } from './lines';
import type { Fix, ParsedFile, Severity, Span } from './model/types';
import type { ResolvedWorkspace } from './model/workspace';
import { RULES } from './rules/index';
import type { Finding } from './rules/rule';
import type { RuleBaseline } from './drift/rule-baseline';

export interface Location {
  file: string;
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Diagnostic extends Location {
  rule: string;
  severity: Severity;
  message: string;
  item?: string;
  related?: RelatedLocation[];
  /** Suggested edits in the same file, best first (editors offer them as quick fixes). */
  fixes?: Fix[];
}

export interface CheckOptions {
  today: Day;
  config?: Pick<RoadmarkConfig, 'riskWindowDays' | 'rules'> & Partial<Pick<RoadmarkConfig, 'fields' | 'slippedDays'>>;
  /** The drift baseline the `slipped` rule compares with (1.1). */
  baseline?: RuleBaseline;
  /** Only report diagnostics in these files (the rules still see the whole workspace). */
  files?: ReadonlySet<string>;
}

export function checkWorkspace(ws: ResolvedWorkspace, options: CheckOptions): Diagnostic[] {
  const byPath = new Map(ws.files.map((f) => [f.path, f]));
  const ctx = { ws, today: options.today, riskWindowDays: options.config?.riskWindowDays ?? DEFAULT_RISK_WINDOW_DAYS, fields: options.config?.fields, baseline: options.baseline, slippedDays: options.config?.slippedDays };
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const setting = options.config?.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    for (const finding of rule.check(ctx)) {
      if (options.files && !options.files.has(finding.file)) continue;
      out.push(toDiagnostic(finding, rule.id, setting, byPath));
    }
  }
  return out.sort(compareDiagnostics);
}

export function locate(file: ParsedFile | undefined, path: string, span: Span): Location {
  const starts = file?.lineStarts ?? [0];
  const start = positionAt(starts, span.start);
  const end = positionAt(starts, Math.max(span.end, span.start));
  return { file: path, span, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function toDiagnostic(f: Finding, rule: string, severity: Severity, files: Map<string, ParsedFile>): Diagnostic {
  const d: Diagnostic = { ...locate(files.get(f.file), f.file, f.span), rule, severity, message: f.message };
  if (f.item !== undefined) d.item = f.item;
  if (f.fixes?.length) d.fixes = f.fixes;
  if (f.related?.length) d.related = f.related.map((r) => ({ ...locate(files.get(r.file), r.file, r.span), message: r.message }));
  return d;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
