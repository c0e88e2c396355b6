import assert from 'node:assert/strict';
import { diagnose } from './helpers';

const ROADMAP = '---\ntype: roadmap\nid: glow\n---\n## Goal: Retention {#retention}\n### Initiative: Skincare line {#skincare-line target=2027-Q1}\n';

/** Applies the one fix of the diagnostics of `rule` in `path`, and checks the rule is then quiet. */
function applyFix(files: Record<string, string>, path: string, rule: string): string {
  const found = diagnose(files).filter((d) => d.rule === rule && d.file === path);
  assert.equal(found.length, 1, JSON.stringify(found));
  const fix = found[0].fixes?.[0];
  assert.ok(fix, 'a fix is offered');
  const text = files[path];
  const fixed = text.slice(0, fix.span.start) + fix.text + text.slice(fix.span.end);
  assert.deepEqual(diagnose({ ...files, [path]: fixed }).filter((d) => d.rule === rule), [], `${rule} is gone after the fix`);
  return fixed;
}

describe('quick fixes carried by diagnostics', () => {
  it('unknown-field: renames a near-miss key in a field list, an attribute block and YAML', () => {
    const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: Pilot\n- id: pilot\n- owne: lena\n\n## Milestone: B {#b statu=done}\n';
    const once = applyFix({ 'r.roadmap.md': ROADMAP, 'p.project.md': md.replace('{#b statu=done}', '{#b status=done}') }, 'p.project.md', 'unknown-field');
    assert.ok(once.includes('- owner: lena'));
    const twice = applyFix({ 'r.roadmap.md': ROADMAP, 'p.project.md': md.replace('- owne: lena', '- owner: lena') }, 'p.project.md', 'unknown-field');
    assert.ok(twice.includes('{#b status=done}'));
    const yaml = 'type: project\nid: y\ndelivers: skincare-line\nmilestones:\n  - id: m\n    title: M\n    owne: lena\n';
    assert.ok(applyFix({ 'r.roadmap.md': ROADMAP, 'y.project.yaml': yaml }, 'y.project.yaml', 'unknown-field').includes('    owner: lena'));
  });

  it('broken-link: corrects a near-miss id in an attribute block, a field list entry and a YAML list', () => {
    const base = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: A {#contract due=2027-01-01}\n';
    assert.ok(applyFix({ 'r.roadmap.md': ROADMAP, 'p.project.md': `${base}## Milestone: B {#b due=2027-02-01 depends=contrat}\n` }, 'p.project.md', 'broken-link').includes('depends=contract}'));
    assert.ok(applyFix({ 'r.roadmap.md': ROADMAP, 'p.project.md': `${base}## Milestone: B\n- due: 2027-02-01\n- depends: contrakt\n` }, 'p.project.md', 'broken-link').includes('- depends: contract\n'));
    const yaml = 'type: project\nid: y\ndelivers: [skincare-lin]\n';
    assert.ok(applyFix({ 'r.roadmap.md': ROADMAP, 'y.project.yaml': yaml }, 'y.project.yaml', 'broken-link').includes('delivers: [skincare-line]'));
  });

  it('the JSON output keeps to the spec: no fix field', async () => {
    const { formatJson } = await import('../../src/cli/format/json');
    const diagnostics = diagnose({ 'r.roadmap.md': ROADMAP, 'p.project.md': '---\ntype: project\nid: p\ndelivers: skincare-lin\n---\n' });
    assert.ok(diagnostics.some((d) => d.fixes?.length));
    assert.ok(!formatJson({ today: '2026-11-23', files: 1, items: 1, diagnostics }).includes('"fix"'));
  });
});
