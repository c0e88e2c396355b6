/** `check --format text`: compiler-style lines and a summary, coloured only on a terminal. */
import { countBySeverity, type CheckReport } from './report';
import { plural } from '../../core/model/queries';
import { visible } from './escape';

const COLORS = { error: '31', warning: '33', info: '36', dim: '2', bold: '1' } as const;

export function formatText(report: CheckReport, color: boolean): string {
  const paint = (code: keyof typeof COLORS, s: string) => (color ? `\u001b[${COLORS[code]}m${s}\u001b[0m` : s);
  const lines = report.diagnostics.map((d) => {
    const where = `${visible(d.file)}:${d.line}:${d.column}`;
    return `${where}  ${paint(d.severity, d.severity)}  ${visible(d.message)}  ${paint('dim', d.rule)}`;
  });
  const c = countBySeverity(report.diagnostics);
  const total = report.diagnostics.length;
  const scope = `${plural(report.files, 'plan file')}, ${plural(report.items, 'item')}, today ${report.today}`;
  if (total === 0) lines.push(paint('bold', `No problems (${scope})`));
  else {
    const parts = [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.info, 'info')];
    lines.push('', paint('bold', `${plural(total, 'problem')} (${parts.join(', ')}) in ${scope}`));
  }
  return lines.join('\n') + '\n';
}
