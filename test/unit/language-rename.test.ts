import assert from 'node:assert/strict';
import { applyEdits, withoutBom } from '../../src/core/language/edits';
import { hoverAt } from '../../src/core/language/hover';
import { referencesAt } from '../../src/core/language/references';
import { prepareRename, renameEdits } from '../../src/core/language/rename';
import { brief, day, diagnose, workspace } from './helpers';

const ROADMAP = [
  '---', 'type: roadmap', 'id: glow', '---',
  '## Goal: Retention {#retention}',
  '### Initiative: Launch skincare line {#skincare-line target=2027-Q1}',
  '',
].join('\n');
const PROJECT = [
  '---', 'type: project', 'id: rollout', 'delivers: skincare-line', 'end: 2027-03-31', '---',
  '## Milestone: Supplier contract {due=2026-11-15 status=done}',
  '## Milestone: Pilot',
  '- id: pilot',
  '- due: 2026-12-05',
  '- depends: [Supplier](#supplier-contract) SS+2d',
  '',
  '- [x] Train staff',
  '- [ ] Stock units {#stock}',
  '## Milestone: Launch {#launch depends="supplier-contract FF-3d, pilot"}',
  '',
].join('\n');
const YAML = [
  '# Marketing plan',
  'type: project',
  'id: campaign # the campaign',
  'delivers: ["skincare-line"]',
  'milestones:',
  '  - {id: brief, depends: [pilot, "supplier-contract"]}',
  '  - title: Shoot',
  '    depends:',
  '      - pilot   # after the pilot',
  '      - "[Pilot](rollout.project.md#pilot) FS"',
  '',
].join('\n');

type Files = Record<string, string>;
const BASE: Files = { 'glow.roadmap.md': ROADMAP, 'rollout.project.md': PROJECT, 'campaign.project.yaml': YAML };

/** Renames what stands at the first `needle` of `path` and returns every file after the edits. */
function rename(files: Files, path: string, needle: string, newId: string, shift = 1): Files {
  const ws = workspace(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, t])));
  const file = ws.nodeOf(path, 0)!.file;
  const offset = withoutBom(files[path]).indexOf(needle) + shift;
  const result = renameEdits(ws, file, offset, newId, (p) => files[p]);
  if (!result.ok) throw new Error(result.reason);
  const out = { ...files };
  for (const [p, edits] of result.edits) out[p] = applyEdits(files[p], edits);
  return out;
}

describe('language service: references and rename', () => {
  it('finds every link to an item, in every file, from its definition or from a link', () => {
    const ws = workspace(BASE);
    const file = ws.nodeOf('rollout.project.md', 0)!.file;
    const refs = referencesAt(ws, file, PROJECT.indexOf('- id: pilot') + 7, false, (p) => BASE[p])!;
    assert.deepEqual(refs.map((r) => `${r.path}:${BASE[r.path].slice(r.span.start, r.span.end)}`), [
      'campaign.project.yaml:pilot', 'campaign.project.yaml:pilot', 'campaign.project.yaml:pilot', 'rollout.project.md:pilot',
    ]);
    const fromLink = referencesAt(ws, file, PROJECT.indexOf('#supplier-contract') + 3, true, (p) => BASE[p])!;
    assert.equal(fromLink.length, 4);
    assert.equal(PROJECT.slice(fromLink[0].span.start, fromLink[0].span.end), 'Milestone: Supplier contract {due=2026-11-15 status=done}');
  });

  it('renames a written id and every link to it, in Markdown links, quoted values and YAML of both styles, byte for byte', () => {
    const out = rename(BASE, 'rollout.project.md', '- id: pilot', 'riverside-pilot', 7);
    assert.equal(out['rollout.project.md'], PROJECT.replace('- id: pilot', '- id: riverside-pilot').replace('FF-3d, pilot"', 'FF-3d, riverside-pilot"'));
    assert.equal(out['campaign.project.yaml'], YAML.replace('[pilot, ', '[riverside-pilot, ').replace('- pilot   #', '- riverside-pilot   #').replace('#pilot) FS', '#riverside-pilot) FS'));
    assert.equal(out['glow.roadmap.md'], ROADMAP);
  });

  it('gives an item whose id is its heading\'s slug an explicit #id, and renames the link targets', () => {
    const out = rename(BASE, 'rollout.project.md', 'Supplier contract', 'supplier', 0);
    assert.equal(out['rollout.project.md'], PROJECT
      .replace('{due=2026-11-15', '{#supplier due=2026-11-15')
      .replace('(#supplier-contract)', '(#supplier)')
      .replace('"supplier-contract FF-3d', '"supplier FF-3d'));
    assert.equal(out['campaign.project.yaml'], YAML.replace('"supplier-contract"', '"supplier"'));
    const bare = { 'p.project.md': '---\ntype: project\n---\n## Milestone: Pilot\n## Milestone: B {depends=pilot}\n' };
    assert.equal(rename(bare, 'p.project.md', 'Pilot', 'p1', 0)['p.project.md'], '---\ntype: project\n---\n## Milestone: Pilot {#p1}\n## Milestone: B {depends=p1}\n');
  });

  it('renames from a link, in CRLF and BOM files, and writes id: for a file whose id is its name', () => {
    const crlf: Files = { ...BASE, 'rollout.project.md': '\uFEFF' + PROJECT.replace(/\n/g, '\r\n') };
    const out = rename(crlf, 'rollout.project.md', 'skincare-line', 'glow-line', 2);
    assert.equal(out['rollout.project.md'], crlf['rollout.project.md'].replace('delivers: skincare-line', 'delivers: glow-line'));
    assert.equal(out['glow.roadmap.md'], ROADMAP.replace('{#skincare-line', '{#glow-line'));
    assert.equal(out['campaign.project.yaml'], YAML.replace('["skincare-line"]', '["glow-line"]'));
    const derived: Files = { 'x.project.yaml': 'type: project\r\ntitle: X # named\r\nmilestones: []\r\n', 'y.project.md': '---\r\ntype: project\r\ndepends: x\r\n---\r\n' };
    const renamed = rename(derived, 'y.project.md', 'depends: x', 'xray', 9);
    assert.equal(renamed['x.project.yaml'], 'type: project\r\ntitle: X # named\r\nid: xray\r\nmilestones: []\r\n');
    assert.equal(renamed['y.project.md'], '---\r\ntype: project\r\ndepends: xray\r\n---\r\n');
  });

  it('refuses where it cannot: nothing under the cursor, a broken link, a task without an id, a taken or malformed id', () => {
    const ws = workspace({ ...BASE, 'x.project.md': '---\ntype: project\ndepends: nowhere\n---\nProse\n- [ ] A task\n' });
    const x = ws.nodeOf('x.project.md', 0)!.file;
    const xText = '---\ntype: project\ndepends: nowhere\n---\nProse\n- [ ] A task\n';
    assert.equal(prepareRename(ws, x, xText.indexOf('Prose'), xText).ok, false);
    assert.match((prepareRename(ws, x, xText.indexOf('nowhere'), xText) as { reason: string }).reason, /names no item/);
    assert.match((prepareRename(ws, x, xText.indexOf('A task'), xText) as { reason: string }).reason, /no id of its own/);
    const file = ws.nodeOf('rollout.project.md', 0)!.file;
    const stock = prepareRename(ws, file, PROJECT.indexOf('#stock') + 2, PROJECT);
    assert.deepEqual(stock.ok && PROJECT.slice(stock.span.start, stock.span.end), 'stock');
    const taken = renameEdits(ws, file, PROJECT.indexOf('- id: pilot') + 7, 'launch', (p) => BASE[p]);
    assert.match((taken as { reason: string }).reason, /already the id of milestone 'Launch'/);
    assert.equal(renameEdits(ws, file, PROJECT.indexOf('- id: pilot') + 7, 'a b', (p) => BASE[p]).ok, false);
  });

  it('leaves a workspace whose links all still resolve: the same diagnostics before and after, every rename', () => {
    const before = brief(diagnose(BASE)).filter((d) => d.startsWith('broken-link') || d.startsWith('unplanned') || d.startsWith('unlinked'));
    for (const [path, needle, shift] of [['rollout.project.md', 'Supplier contract', 0], ['rollout.project.md', '- id: pilot', 7], ['glow.roadmap.md', 'Retention', 0], ['rollout.project.md', 'id: rollout', 4], ['campaign.project.yaml', 'id: brief', 4]] as const) {
      const after = rename(BASE, path, needle, 'renamed-id', shift);
      assert.deepEqual(brief(diagnose(after)).filter((d) => d.startsWith('broken-link') || d.startsWith('unplanned') || d.startsWith('unlinked')).map((d) => d.replace('renamed-id', '*')), before.map((d) => d), `${needle}`);
    }
  });

  it('refuses when a file changed since it was read', () => {
    const ws = workspace(BASE);
    const file = ws.nodeOf('rollout.project.md', 0)!.file;
    const result = renameEdits(ws, file, PROJECT.indexOf('- id: pilot') + 7, 'p2', (p) => (p === 'campaign.project.yaml' ? '# moved\n' + YAML : BASE[p]));
    assert.match((result as { reason: string }).reason, /changed since/);
  });

  it('hovers on headings and ids with kind, title, status, dates, progress, delivers and dependencies', () => {
    const ws = workspace(BASE);
    const file = ws.nodeOf('rollout.project.md', 0)!.file;
    const pilot = hoverAt(ws, file, PROJECT.indexOf('Milestone: Pilot') + 3, day('2026-11-28'))!;
    assert.equal(pilot.markdown, [
      '**Milestone: Pilot** `pilot`  \nplanned · due in 7 days',
      'Due: 2026-12-05  \nProgress: 1/2 tasks  \nDelivers: Launch skincare line (`skincare-line`)  \n'
        + 'Depends on: Supplier contract (`supplier-contract`) SS+2d  \nNeeded by: brief (`brief`), Shoot (`shoot`), Launch (`launch`)',
      '_rollout\\.project\\.md_',
    ].join('\n\n'));
    const roadmap = ws.nodeOf('glow.roadmap.md', 0)!.file;
    const line = hoverAt(ws, roadmap, ROADMAP.indexOf('Launch skincare'), day('2026-11-28'))!;
    assert.match(line.markdown, /Target: 2027-Q1 \(2027-01-01 – 2027-03-31\)/);
    assert.match(line.markdown, /Delivered by: .*rollout \(`rollout`\)/);
    assert.match(line.markdown, /due in 123 days/);
    assert.equal(hoverAt(ws, file, PROJECT.indexOf('depends: [Supplier]') + 12, day('2026-11-28')), undefined);
    assert.ok(hoverAt(ws, file, PROJECT.indexOf('#supplier-contract') + 3, day('2026-11-28'), { links: true }));
  });
});
