/**
 * `check --format github`: workflow commands that GitHub Actions turns into annotations. Plan
 * text is made visible first (no raw control reaches the log, which renders ANSI colours), then
 * escaped by the workflow-command rules: `%`, CR, LF in data; also `:` and `,` in properties.
 */
import type { CheckReport } from './report';
import { visible } from './escape';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(s: string): string {
  return visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
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
