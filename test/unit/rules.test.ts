import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleDocsUrl } from '../../src/core/rules/index';
import { brief, covered, diagnose } from './helpers';

const ROADMAP = `---
type: roadmap
id: glow
---
## Goal: Grow retention {#retention due=2027-06-30}
### Initiative: Skincare line {#skincare-line target=2027-Q1 horizon=now}
### Initiative: Gift cards {#gift-cards horizon=later}
`;

function project(body: string, front = 'delivers: skincare-line'): string {
  return `---\ntype: project\nid: rollout\n${front}\n---\n${body}`;
}

function only(rule: string, files: Record<string, string>, today?: string) {
  return diagnose(files, today).filter((d) => d.rule === rule);
}

describe('rules', () => {
  it('has 17 rules, each with an id, a description, a default severity and a docs page that exists', () => {
    assert.equal(RULES.length, 17);
    const root = join(__dirname, '..', '..');
    for (const r of RULES) {
      assert.match(r.id, /^[a-z-]+$/);
      assert.ok(r.description.length > 10);
      assert.ok(['error', 'warning', 'info'].includes(r.defaultSeverity));
      const page = `docs/rules/${r.id}.md`;
      assert.ok(existsSync(join(root, page)), `${page} is missing`);
      assert.ok(ruleDocsUrl(r.id).endsWith(`/${page}`), `${ruleDocsUrl(r.id)} does not link to ${page}`);
    }
  });

  describe('parse-error', () => {
    it('fires on unreadable YAML, located', () => {
      const d = only('parse-error', { 'p.project.yaml': 'type: project\nid: [a\n' });
      assert.equal(d.length, 1);
      assert.equal(d[0].severity, 'error');
      assert.equal(d[0].line, 3);
    });
    it('does not fire on valid files', () => assert.deepEqual(only('parse-error', { 'r.roadmap.md': ROADMAP }), []));
  });

  describe('duplicate-id', () => {
    const files = { 'a.project.md': project('## Milestone: A {#m}\n'), 'b.project.md': project('## Milestone: B {#m}\n', 'id: other\ndelivers: skincare-line').replace('id: rollout\n', '') };
    it('fires at every definition after the first, with the first as related information', () => {
      const d = only('duplicate-id', files);
      assert.deepEqual(brief(d), ['duplicate-id@b.project.md:6:4 m']);
      assert.equal(d[0].related?.[0].file, 'a.project.md');
      assert.equal(d[0].related?.[0].line, 6);
    });
    it('does not fire on unique ids', () => assert.deepEqual(only('duplicate-id', { 'a.project.md': project('## Milestone: A {#m1}\n## Milestone: B {#m2}\n') }), []));
  });

  describe('broken-link', () => {
    it('fires on an unknown id (with a suggestion) and on a link to the wrong kind', () => {
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': project('## Milestone: A {#a depends=retention}\n', 'delivers: skincare-lin') };
      const d = only('broken-link', files);
      assert.equal(d.length, 2);
      assert.match(d[0].message, /delivers 'skincare-lin', which is not defined: did you mean 'skincare-line'\?/);
      assert.equal(covered(files, d[0]), 'skincare-lin');
      assert.equal(d[1].message, "Milestone 'A' depends on 'retention', which is a goal ('Grow retention'), not a milestone or a project");
      assert.equal(covered(files, d[1]), 'depends=retention');
    });
    it('does not fire on links to the right kinds', () => {
      assert.deepEqual(only('broken-link', { 'r.roadmap.md': ROADMAP, 'p.project.md': project('## Milestone: A {#a}\n## Milestone: B {#b depends=a,rollout}\n') }), []);
    });
  });

  describe('invalid-date', () => {
    it('fires on a day that does not exist, at the value', () => {
      const files = { 'p.project.md': project('## Milestone: A\n- due: 2027-02-30\n') };
      const d = only('invalid-date', files);
      assert.equal(d.length, 1);
      assert.equal(covered(files, d[0]), '2027-02-30');
      assert.match(d[0].message, /February 2027 has 28 days/);
    });
    it('does not fire on dates and periods', () => assert.deepEqual(only('invalid-date', { 'p.project.md': project('## Milestone: A {due=2027-Q1 start=2027-01}\n') }), []));
  });

  describe('invalid-value', () => {
    it('fires on an unknown status, a bad horizon, unreadable money and a negative budget', () => {
      const files = { 'p.project.md': project('## Milestone: A {#a status=finished}\n', 'budget: -5 EUR\nspent: lots\ndelivers: skincare-line'), 'r.roadmap.md': ROADMAP.replace('horizon=later', 'horizon=someday') };
      const d = only('invalid-value', files);
      assert.deepEqual(d.map((x) => covered(files, x)).sort(), ['-5 EUR', 'horizon=someday', 'lots', 'status=finished']);
    });
    it('accepts status aliases', () => assert.deepEqual(only('invalid-value', { 'p.project.md': project('## Milestone: A {#a status=shipped}\n') }), []));
  });

  describe('unknown-field', () => {
    it('fires at the key with the nearest known name', () => {
      const files = { 'p.project.md': project('## Milestone: A {#a owne=sam}\n') };
      const d = only('unknown-field', files);
      assert.equal(d.length, 1);
      assert.equal(covered(files, d[0]), 'owne');
      assert.match(d[0].message, /did you mean 'owner'/);
      assert.equal(d[0].severity, 'warning');
    });
    it('does not fire on known fields', () => assert.deepEqual(only('unknown-field', { 'p.project.md': project('## Milestone: A {#a owner=sam}\n') }), []));
  });

  describe('overdue', () => {
    const files = {
      'r.roadmap.md': ROADMAP,
      'p.project.md': project('## Milestone: Pilot {#pilot due=2026-11-11}\n## Milestone: Done {#done due=2026-11-01 status=done}\n- [ ] Call {due=2026-11-20}\n- [x] Ship {due=2026-11-01}\n## Milestone: Later {#later due=2026-11-23}\n'),
    };
    it('fires on open items past their deadline, with the date and how long ago', () => {
      const d = only('overdue', files);
      assert.deepEqual(d.map((x) => x.item), ['pilot', 'done/call']);
      assert.equal(d[0].message, "Milestone 'Pilot' was due 2026-11-11 (12 days ago) and is not done");
    });
    it('treats a period as its last day', () => {
      assert.deepEqual(only('overdue', files, '2027-03-31').filter((x) => x.item === 'skincare-line'), []);
      assert.match(only('overdue', files, '2027-04-01').find((x) => x.item === 'skincare-line')!.message, /2027-Q1 \(ended 2027-03-31, 1 day ago\)/);
    });
  });

  describe('at-risk', () => {
    it('fires on an open milestone due within the window with under half its tasks done', () => {
      const files = { 'p.project.md': project('## Milestone: Pilot {#pilot due=2026-12-01}\n- [x] a\n- [ ] b\n- [ ] c\n') };
      const d = only('at-risk', files);
      assert.deepEqual(d.map((x) => x.item), ['pilot']);
      assert.equal(d[0].severity, 'info');
      assert.match(d[0].message, /with only 1 of 3 tasks done/);
    });
    it('does not fire at half done, with no tasks, or outside the window', () => {
      const files = { 'p.project.md': project('## Milestone: A {#a due=2026-12-01}\n- [x] a\n- [ ] b\n## Milestone: B {#b due=2026-12-01}\n## Milestone: C {#c due=2027-01-01}\n- [ ] c\n') };
      assert.deepEqual(only('at-risk', files), []);
    });
  });

  describe('unlinked', () => {
    it('fires on a project that delivers nothing and an initiative with no goal', () => {
      const files = { 'p.project.md': project('## Milestone: A {#a}\n', 'owner: sam'), 'r.roadmap.yaml': 'type: roadmap\ninitiatives:\n  - id: orphan\n' };
      assert.deepEqual(brief(only('unlinked', files)), ['unlinked@p.project.md:3:5 rollout', 'unlinked@r.roadmap.yaml:3:9 orphan']);
    });
    it('does not fire when a milestone delivers, or a goal comes from nesting', () => {
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': project('## Milestone: A {#a delivers=skincare-line}\n', 'owner: sam') };
      assert.deepEqual(only('unlinked', files), []);
    });
  });

  describe('after-target', () => {
    it("fires at the due value of a milestone after its initiative's target period", () => {
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': project('## Milestone: Launch {#launch due=2027-04-02}\n## Milestone: Ok {#ok due=2027-03-31}\n') };
      const d = only('after-target', files);
      assert.deepEqual(d.map((x) => x.item), ['launch']);
      assert.equal(covered(files, d[0]), 'due=2027-04-02');
      assert.match(d[0].message, /after the target of initiative 'Skincare line' it delivers \(2027-Q1, which ends 2027-03-31\)/);
      assert.equal(d[0].related?.[0].file, 'r.roadmap.md');
    });
  });

  describe('unplanned', () => {
    it('fires on a now initiative that nothing delivers, not on a later one', () => {
      const d = only('unplanned', { 'r.roadmap.md': ROADMAP });
      assert.deepEqual(d.map((x) => x.item), ['skincare-line']);
    });
    it('does not fire once a project delivers it', () => assert.deepEqual(only('unplanned', { 'r.roadmap.md': ROADMAP, 'p.project.md': project('') }), []));
  });

  describe('dependency-order', () => {
    it('fires when an item starts or is due before what it depends on', () => {
      const files = { 'p.project.md': project('## Milestone: A {#a due=2027-02-01}\n## Milestone: B {#b due=2027-01-15 depends=a}\n## Milestone: C {#c start=2027-01-20 due=2027-03-01 depends=a}\n## Milestone: D {#d start=2027-02-01 due=2027-03-01 depends=a}\n') };
      const d = only('dependency-order', files);
      assert.deepEqual(d.map((x) => x.item), ['b', 'c']);
      assert.equal(d[0].message, "Milestone 'B' is due 2027-01-15, before milestone 'A' it depends on is due (2027-02-01), a finish-to-start dependency");
      assert.equal(d[1].message, "Milestone 'C' starts 2027-01-20, before milestone 'A' it depends on is due (2027-02-01), a finish-to-start dependency");
    });
  });

  describe('dependency-cycle', () => {
    it('fires at every item on a cycle and keeps dependency-order quiet there', () => {
      const files = { 'p.project.md': project('## Milestone: A {#a due=2027-02-01 depends=c}\n## Milestone: B {#b due=2027-01-01 depends=a}\n## Milestone: C {#c due=2027-01-01 depends=b}\n## Milestone: Self {#self depends=self}\n') };
      const all = diagnose(files);
      assert.deepEqual(brief(all, 'dependency-cycle').map((s) => s.split(' ')[1]), ['a', 'b', 'c', 'self']);
      const a = all.find((x) => x.item === 'a' && x.rule === 'dependency-cycle')!;
      assert.equal(a.message, "Milestone 'A' depends on milestone 'C', which leads back to it: a dependency cycle of 3 items (a → c → b → a)");
      assert.deepEqual(a.related?.map((r) => `${r.line} ${r.message}`), ["8 Milestone 'A' depends on milestone 'C'", "7 Milestone 'B' depends on milestone 'A'"]);
      assert.equal(all.find((x) => x.item === 'self' && x.rule === 'dependency-cycle')!.message, "Milestone 'Self' depends on itself");
      assert.deepEqual(brief(all, 'dependency-order'), []);
    });
  });

  describe('over-budget', () => {
    it('fires at spent when it exceeds the budget in the same currency', () => {
      const files = { 'p.project.md': project('', 'delivers: skincare-line\nbudget: 40000 EUR\nspent: €45,000') };
      const d = only('over-budget', files);
      assert.equal(covered(files, d[0]), '€45,000');
      assert.match(d[0].message, /spent 45,000 EUR of a 40,000 EUR budget \(113%\)/);
    });
    it('does not compare different currencies', () => {
      assert.deepEqual(only('over-budget', { 'p.project.md': project('', 'budget: 40000 EUR\nspent: 45000 USD') }), []);
    });
  });

  describe('status-mismatch', () => {
    it('fires on a done milestone with open tasks and a done initiative with open delivering work', () => {
      const files = { 'r.roadmap.md': ROADMAP.replace('horizon=now', 'status=done'), 'p.project.md': project('## Milestone: A {#a status=done}\n- [ ] open\n- [x] closed\n') };
      const d = only('status-mismatch', files);
      assert.deepEqual(d.map((x) => x.item), ['a', 'skincare-line']);
      assert.match(d[0].message, /is done but 1 task is still open/);
      assert.match(d[1].message, /is done but project .* still open/);
    });
    it('does not fire when everything under a closed item is closed', () => {
      assert.deepEqual(only('status-mismatch', { 'p.project.md': project('## Milestone: A {#a status=done}\n- [x] closed\n') }), []);
    });
  });

  it('applies severity overrides and turns rules off from config', () => {
    const files = { 'r.roadmap.md': ROADMAP };
    const d = diagnose(files, '2026-11-23', { rules: { unplanned: 'error', unlinked: 'off' } });
    assert.equal(d.find((x) => x.rule === 'unplanned')?.severity, 'error');
    const on = diagnose({ 'r.roadmap.yaml': 'type: roadmap\ninitiatives:\n  - id: x\n' });
    const off = diagnose({ 'r.roadmap.yaml': 'type: roadmap\ninitiatives:\n  - id: x\n' }, '2026-11-23', { rules: { unlinked: 'off' } });
    assert.ok(on.some((x) => x.rule === 'unlinked'));
    assert.ok(!off.some((x) => x.rule === 'unlinked'));
  });

  it('sorts diagnostics by file, line, column, rule', () => {
    const d = diagnose({ 'b.project.md': project('## Milestone: A {#a due=2026-01-01 owne=x}\n', 'owner: x'), 'a.roadmap.yaml': 'type: roadmap\ninitiatives:\n  - id: x\n' });
    const keys = d.map((x) => [x.file, x.line, x.column, x.rule].join('|'));
    assert.deepEqual(keys, [...keys].sort((p, q) => {
      const [fa, la, ca, ra] = p.split('|'); const [fb, lb, cb, rb] = q.split('|');
      return fa.localeCompare(fb) || Number(la) - Number(lb) || Number(ca) - Number(cb) || ra.localeCompare(rb);
    }));
    assert.ok(d.length >= 3);
  });
});
