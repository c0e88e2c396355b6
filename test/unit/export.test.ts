/** Exports read back by independent readers: ical.js for ICS, csv-parse for CSV. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { foldLine } from '../../src/cli/format/ics';
import { formatCsv } from '../../src/cli/format/csv';
import { formatMermaid, mermaidLabel } from '../../src/cli/format/mermaid';
import { day, workspace } from './helpers';

const CLI = resolve(__dirname, '../../dist/cli.js');

function exportOf(format: string, path = 'examples'): string {
  const r = spawnSync(process.execPath, [CLI, 'export', path, '--format', format], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const TRICKY = {
  'p.project.md': `---
type: project
id: p
title: "Project, with \\"quotes\\"; and: colons # and hashes"
start: 2027-01-01
end: 2027-03-31
---
## Milestone: =SUM(A1:A2) {#formula due=2027-01-15}
## Milestone: Ünïcødé milestone with a very long title that needs folding across several lines in the calendar {#long due=2027-02-01 depends=formula}
## Milestone: Done already {#done due=2026-01-01 status=done}
`,
};

describe('exports read by independent readers', () => {
  it('ICS parses with ical.js: one all-day event per open deadline, unique stable UIDs', () => {
    const text = exportOf('ics');
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const list = JSON.parse(spawnSync(process.execPath, [CLI, 'list', 'examples', '--format', 'json'], { encoding: 'utf8' }).stdout) as { items: { kind: string; status: string; deadline?: string }[] };
    const open = list.items.filter((i) => i.deadline && !['done', 'dropped'].includes(i.status) && i.kind !== 'roadmap');
    assert.equal(events.length, open.length);
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'UIDs are unique');
    const samples = events.find((e) => e.summary === 'Milestone: Second samples approved')!;
    assert.equal(samples.startDate.toString(), '2026-11-13');
    assert.ok(samples.startDate.isDate, 'all-day');
    assert.equal(samples.endDate.toString(), '2026-11-14');
    assert.equal(exportOf('ics'), text, 'the same plan gives the same bytes');
  });

  it('ICS escapes text and folds UTF-8 without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75);
    assert.equal(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join(''), `SUMMARY:${'é'.repeat(80)}`);
  });

  it('CSV parses with csv-parse: a row per item, awkward titles round-trip', () => {
    const rows = parseCsv(exportOf('csv'), { columns: true }) as Record<string, string>[];
    const list = JSON.parse(spawnSync(process.execPath, [CLI, 'list', 'examples', '--format', 'json'], { encoding: 'utf8' }).stdout) as { items: unknown[] };
    assert.equal(rows.length, list.items.length);
    assert.deepEqual(Object.keys(rows[0]), ['id', 'kind', 'title', 'status', 'owner', 'start', 'due', 'goal', 'initiative', 'project', 'depends', 'progress', 'budget', 'spent', 'currency', 'file', 'line']);
    const tricky = parseCsv(formatCsv(workspace(TRICKY)), { columns: true }) as Record<string, string>[];
    assert.equal(tricky[0].title, 'Project, with "quotes"; and: colons # and hashes');
    assert.equal(tricky[1].title, "'=SUM(A1:A2)", 'a formula-looking title is defused');
    assert.equal(tricky[2].depends, 'formula');
  });

  it('Mermaid: gantt header, a section per project, after for dependencies, milestones, safe labels', () => {
    const text = formatMermaid(workspace(TRICKY), day('2026-11-23'));
    const lines = text.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 3), ['gantt', '  title Plan', '  dateFormat YYYY-MM-DD']);
    assert.ok(lines.includes('  section Project, with "quotes" and colons and hashes'), text);
    assert.ok(lines.some((l) => /^ {4}=SUM\(A1 A2\) :milestone, t\d+, 2027-01-15, 0d$/.test(l)), text);
    assert.ok(lines.some((l) => /:t\d+, after t\d+, 2027-02-02$/.test(l)), text);
    assert.ok(lines.some((l) => /Done already :milestone, done, t\d+, 2026-01-01, 0d/.test(l)), text);
    assert.equal(mermaidLabel('a: b; c # d'), 'a b c d');
  });
});
