/** Drift as people read it: one line per change, a text table, and Markdown for a pull-request comment. */
import type { DriftChange, DriftRollup } from './diff';

export interface BaselineInfo {
  /** As the user gave it: a ref (`origin/main`, `plan-2026-Q4`) or a date. */
  ref: string;
  /** The full commit it resolved to. */
  commit: string;
  /** The commit's date, YYYY-MM-DD. */
  date: string;
}

export function baselineLabel(b: BaselineInfo): string {
  return `${b.ref} (${b.commit.slice(0, 7)}, ${b.date})`;
}

function daysText(days: number): string {
  const n = Math.abs(days);
  return days === 0 ? 'same day' : `${n} day${n === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`;
}

/** What changed, without the item's name: "due 2027-02-05 → 2027-02-19 (14 days later)". */
export function changeSummary(c: DriftChange): string {
  switch (c.change) {
    case 'added': return `added (${c.kind})`;
    case 'removed': return `removed (${c.kind})`;
    case 'renamed': return c.field === 'id' ? `id ${c.from} → ${c.to}` : `title was '${c.from}'`;
    case 'moved':
      if (c.from === undefined) return `${c.field} set to ${c.to}`;
      if (c.to === undefined) return `${c.field} ${c.from} removed`;
      return `${c.field} ${c.from} → ${c.to}${c.days !== undefined ? ` (${daysText(c.days)})` : ''}`;
    case 'scope':
      return `scope ${c.from} → ${c.to}`;
    default:
      return `${c.field ?? c.change} ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`;
  }
}

/** "Riverside pilot: due 2027-02-05 → 2027-02-19 (14 days later)". */
export function changeText(c: DriftChange): string {
  return `${c.title}: ${changeSummary(c)}`;
}

export function rollupSummary(r: DriftRollup): string {
  const parts: string[] = [];
  if (r.slipDays) parts.push(`finishes ${r.finishTo}, ${daysText(r.slipDays)} than at the baseline`);
  else if (r.finishTo) parts.push(`finishes ${r.finishTo}`);
  if (r.target) parts.push(r.lateNow ? `after its target ${r.target}${r.onTimeAtBaseline ? ' (on time at the baseline, late now)' : ''}` : `target ${r.target}`);
  parts.push(`${r.changes} change${r.changes === 1 ? '' : 's'}`);
  return parts.join('; ');
}

/** Cells never break a Markdown table: pipes escaped, newlines flattened. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function driftMarkdown(baseline: BaselineInfo, changes: readonly DriftChange[], rollups: readonly DriftRollup[]): string {
  const lines = [`### Plan drift since \`${cell(baseline.ref)}\` (${baseline.commit.slice(0, 7)}, ${baseline.date})`, ''];
  if (!changes.length) return [...lines, 'Nothing moved.', ''].join('\n');
  const late = rollups.filter((r) => r.lateNow && r.onTimeAtBaseline);
  if (late.length) lines.push(`**On time at the baseline, late now:** ${late.map((r) => `${cell(r.title)} (${r.kind}, target ${r.target}, finishes ${r.finishTo})`).join('; ')}`, '');
  lines.push('| Item | Change | Where |', '| --- | --- | --- |');
  for (const c of changes) lines.push(`| ${cell(c.title)} \`${cell(c.id)}\` | ${cell(changeSummary(c))} | ${cell(c.file)}:${c.line} |`);
  if (rollups.length) {
    lines.push('', '| Roll-up | Kind | Summary |', '| --- | --- | --- |');
    for (const r of rollups) lines.push(`| ${cell(r.title)} | ${r.kind} | ${cell(rollupSummary(r))} |`);
  }
  return [...lines, ''].join('\n');
}

/** A plain-text table, columns padded to their widest cell. */
export function driftTable(baseline: BaselineInfo, changes: readonly DriftChange[], rollups: readonly DriftRollup[]): string {
  const head = `Plan drift since ${baselineLabel(baseline)}: ${changes.length} change${changes.length === 1 ? '' : 's'}`;
  if (!changes.length) return `${head}\n`;
  const rows = [['ITEM', 'KIND', 'CHANGE', 'WHERE'], ...changes.map((c) => [c.title, c.kind, changeSummary(c), `${c.file}:${c.line}`])];
  const lines = [head, '', ...table(rows)];
  if (rollups.length) lines.push('', ...table([['ROLL-UP', 'KIND', 'SUMMARY'], ...rollups.map((r) => [r.title, r.kind, rollupSummary(r)])]));
  return `${lines.join('\n')}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.min(48, Math.max(...rows.map((r) => r[i].length))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c).padEnd(widths[i]))).join('  ').trimEnd());
}

/** What a hover says of one item's changes: "Slipped 12 days since origin/main (due was 2027-01-31)". */
export function itemDriftNotes(changes: readonly DriftChange[], ref: string): string[] {
  return changes.map((c) => {
    if (c.change === 'added') return `New since ${ref}`;
    if (c.change === 'moved' && c.days !== undefined && c.from !== undefined) {
      const n = Math.abs(c.days);
      const verb = c.days > 0 ? 'Slipped' : 'Moved';
      return `${verb} ${n} day${n === 1 ? '' : 's'}${c.days < 0 ? ' earlier' : ''} since ${ref} (${c.field} was ${c.from})`;
    }
    const summary = changeSummary(c);
    return `Since ${ref}: ${summary}`;
  });
}
