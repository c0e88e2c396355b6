/** What a check produced, as the output formats see it. */
import type { Diagnostic } from '../../core/check';

export interface CheckReport {
  today: string;
  files: number;
  items: number;
  diagnostics: Diagnostic[];
}

export function countBySeverity(diagnostics: Diagnostic[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
