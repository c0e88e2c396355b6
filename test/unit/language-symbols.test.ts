import assert from 'node:assert/strict';
import { codeLenses, inlayHints } from '../../src/core/language/annotations';
import { documentSymbols, foldingRanges, workspaceSymbols, type PlanSymbol } from '../../src/core/language/symbols';
import { day, workspace } from './helpers';

const ROADMAP = '---\ntype: roadmap\nid: glow\n---\n## Goal: Retention {#retention due=2027-06-30}\n### Initiative: Launch skincare line {#skincare-line target=2027-Q1}\n\nText.\n';
const PROJECT = [
  '---', 'type: project', 'id: rollout', 'delivers: skincare-line', 'start: 2026-W40', 'end: 2027-03-31', '---',
  '## Milestone: Supplier {#supplier due="2026-11-15" status=done}',
  '## Milestone: Pilot',
  '- id: pilot',
  '- due: 2026-12-05',
  '',
  '- [x] Train staff',
  '- [ ] Stock units',
  '- [ ] Print cards',
  '',
].join('\r\n');
const YAML = 'type: project\nid: campaign\nstart: 2027-01\nmilestones:\n  - id: brief # first\n    title: Brief\n    due: 2027-Q1\n    tasks:\n      - Write it\n';
const FILES = { 'glow.roadmap.md': ROADMAP, 'rollout.project.md': PROJECT, 'campaign.project.yaml': YAML };
const TODAY = day('2026-11-28');

function outline(symbols: PlanSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.kind} ${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children, depth + 1)]);
}

describe('language service: symbols, folding, lenses and hints', () => {
  it('outlines a file\'s items by kind with their dates, in Markdown and YAML', () => {
    const ws = workspace(FILES);
    assert.deepEqual(outline(documentSymbols(ws.nodeOf('rollout.project.md', 0)!.file)), [
      'project rollout (2026-W40 → 2027-03-31)',
      '  milestone Supplier (2026-11-15 done)',
      '  milestone Pilot (2026-12-05)',
      '    task Train staff (done)',
      '    task Stock units',
      '    task Print cards',
    ]);
    assert.deepEqual(outline(documentSymbols(ws.nodeOf('campaign.project.yaml', 0)!.file)), [
      'project campaign (2027-01 →)', '  milestone Brief (2027-Q1)', '    task Write it',
    ]);
  });

  it('finds any item by title or id across both formats, prefixes first', () => {
    const ws = workspace(FILES);
    assert.deepEqual(workspaceSymbols(ws, 'pil').map((s) => `${s.path} ${s.name}`), ['rollout.project.md Pilot']);
    assert.deepEqual(workspaceSymbols(ws, 'brief').map((s) => `${s.kind} ${s.name} ${s.detail}`), ['milestone Brief milestone #brief']);
    assert.deepEqual(workspaceSymbols(ws, 'skl').map((s) => s.name), ['Launch skincare line']);
    assert.equal(workspaceSymbols(ws, '').length, 8);
  });

  it('folds every item that spans lines', () => {
    const ws = workspace(FILES);
    assert.deepEqual(foldingRanges(ws.nodeOf('rollout.project.md', 0)!.file), [{ startLine: 8, endLine: 14 }]);
    assert.deepEqual(foldingRanges(ws.nodeOf('campaign.project.yaml', 0)!.file), [{ startLine: 4, endLine: 8 }]);
    assert.deepEqual(foldingRanges(ws.nodeOf('glow.roadmap.md', 0)!.file), [{ startLine: 4, endLine: 7 }, { startLine: 5, endLine: 7 }]);
  });

  it('puts a lens above projects and milestones: tasks, days left, what it delivers', () => {
    const ws = workspace(FILES);
    assert.deepEqual(codeLenses(ws, ws.nodeOf('rollout.project.md', 0)!.file, TODAY).map((l) => l.title), [
      '1/3 tasks · due in 123 days · delivers Launch skincare line',
      'done · delivers Launch skincare line',
      '1/3 tasks · due in 7 days · delivers Launch skincare line',
    ]);
    assert.deepEqual(codeLenses(ws, ws.nodeOf('campaign.project.yaml', 0)!.file, TODAY).map((l) => l.title), ['0/1 tasks', '0/1 tasks · due in 123 days']);
  });

  it('hints a period\'s day and a deadline\'s distance right after the value, each switchable', () => {
    const ws = workspace(FILES);
    const show = (path: string, options = { periods: true, deadlines: true }) => {
      const text = (FILES as Record<string, string>)[path];
      return inlayHints(ws.nodeOf(path, 0)!.file, TODAY, options).map((h) => `${text.slice(h.offset - 10, h.offset)}|${h.label}`);
    };
    assert.deepEqual(show('rollout.project.md'), [': 2026-W40|Sep 28', '2027-03-31|in 123 days', '2026-12-05|in 7 days']);
    assert.deepEqual(show('glow.roadmap.md'), ['2027-06-30|in 214 days', 'et=2027-Q1|Mar 31']);
    assert.deepEqual(show('campaign.project.yaml'), ['t: 2027-01|Jan 1', 'e: 2027-Q1|Mar 31']);
    assert.deepEqual(show('campaign.project.yaml', { periods: false, deadlines: true }), []);
    assert.deepEqual(show('rollout.project.md', { periods: false, deadlines: true }).length, 2);
  });
});
