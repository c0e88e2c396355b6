/** `check --format github`: workflow commands that GitHub Actions turns into annotations. */
import type { CheckReport } from './report';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
  return report.diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(`roadmark ${d.rule}`)}`];
      return `::${LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
}
