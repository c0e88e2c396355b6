/** `check --format json`: the object of the CLI spec, fields in its order. */
import type { CheckReport } from './report';
import { JSON_FORMAT_VERSION } from '../../core/version';
import { jsonVisible } from './escape';

export function formatJson(report: CheckReport): string {
  const diagnostics = report.diagnostics.map((d) => ({
    file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn,
    rule: d.rule, severity: d.severity, ...(d.item !== undefined ? { item: d.item } : {}), message: d.message,
  }));
  return jsonVisible(JSON.stringify({ version: JSON_FORMAT_VERSION, today: report.today, files: report.files, items: report.items, diagnostics }, null, 2)) + '\n';
}
