/**
 * Deadlines as an iCalendar file (RFC 5545): one all-day event per open item with a deadline.
 * UIDs come from the item's id (stable across runs and machines); DTSTAMP from `today`, so the
 * same plan gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { formatDay, type Day } from '../../core/dates';
import { positionAt } from '../../core/lines';
import type { PlanNode, ResolvedWorkspace } from '../../core/model/workspace';
import { deadlineOf, isOpen } from '../../core/model/queries';

const KIND_LABEL: Record<string, string> = { goal: 'Goal', initiative: 'Initiative', project: 'Project', milestone: 'Milestone', task: 'Task' };

/** TEXT escaping of RFC 5545 §3.3.11. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length ? 74 : 75;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basic = (day: Day) => formatDay(day).replace(/-/g, '');

function uidOf(node: PlanNode, taken: Set<string>): string {
  let uid = `${node.item.kind}-${node.item.id}@roadmark`;
  if (taken.has(uid)) {
    const where = createHash('sha1').update(`${node.file.path}#${node.index}`).digest('hex').slice(0, 8);
    uid = `${node.item.kind}-${node.item.id}-${where}@roadmark`;
  }
  taken.add(uid);
  return uid;
}

export function formatIcs(ws: ResolvedWorkspace, today: Day, version: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Roadmark//Roadmark ${version}//EN`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${ws.nodes.find((n) => n.item.kind === 'roadmap')?.item.title ?? 'Roadmark'} deadlines`)}`];
  const taken = new Set<string>();
  for (const node of ws.nodes) {
    const deadline = deadlineOf(node.item);
    if (!deadline || !isOpen(node) || node.item.kind === 'roadmap') continue;
    const where = node.project && node.project !== node ? `Project: ${node.project.item.title}\n` : '';
    const description = `${where}Status: ${node.item.status}\n${node.item.owners.length ? `Owner: ${node.item.owners.join(', ')}\n` : ''}Deadline as written: ${deadline.text}\n${node.file.path}:${positionAt(node.file.lineStarts, node.item.anchor.start).line}`;
    lines.push('BEGIN:VEVENT', `UID:${uidOf(node, taken)}`, `DTSTAMP:${basic(today)}T000000Z`,
      `DTSTART;VALUE=DATE:${basic(deadline.last)}`, `DTEND;VALUE=DATE:${basic(deadline.last + 1)}`,
      `SUMMARY:${escapeText(`${KIND_LABEL[node.item.kind]}: ${node.item.title}`)}`, `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(node.item.kind.toUpperCase())},${escapeText(node.item.status.toUpperCase())}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
