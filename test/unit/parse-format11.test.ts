/** Plan format 1.1: every form a person writes is read as meant or reported where it stands. */
import assert from 'node:assert/strict';
import type { Item, ParsedFile } from '../../src/core/model/types';
import { parsePlanFile, SectionCache } from '../../src/core/parse/index';
import { brief, diagnose, parse } from './helpers';

const ROADMAP = 'type: roadmap\ninitiatives:\n  - id: ledger\n    target: 2027-Q1\n';

function item(file: ParsedFile, id: string): Item {
  const found = file.items.find((i) => i.id === id);
  assert.ok(found, `no item '${id}' in ${file.items.map((i) => i.id).join(', ')}`);
  return found;
}

function at(text: string, file: ParsedFile, rule: string): string[] {
  return file.problems.filter((p) => p.rule === rule).map((p) => text.slice(p.span.start, p.span.end));
}

describe('plan format 1.1: field lists', () => {
  it('reads every leading key: value entry, reporting unknown keys instead of stopping at them', () => {
    const text = '## Milestone: Beta\n- progress: 60%\n- due: 2026-11-02\n- flavour: mint\n- owner: lea\n';
    const file = parse('p.project.md', text);
    const beta = item(file, 'beta');
    assert.equal(beta.due?.text, '2026-11-02');
    assert.equal(beta.progress?.value, 0.6);
    assert.deepEqual(beta.owners, ['lea']);
    assert.deepEqual(at(text, file, 'unknown-field'), ['flavour']);
    const d = diagnose({ 'p.project.md': text, 'r.roadmap.yaml': ROADMAP }, '2026-11-27');
    assert.deepEqual(brief(d, 'overdue'), ['overdue@p.project.md:1:4 beta']);
  });

  it('reads bold and code keys, with the colon inside or outside', () => {
    const text = '## Milestone: GA\n- **due**: 2026-11-05\n- **owner:** tom\n- `status`: in-progress\n';
    const ga = item(parse('p.project.md', text), 'ga');
    assert.equal(ga.due?.text, '2026-11-05');
    assert.deepEqual(ga.owners, ['tom']);
    assert.equal(ga.status, 'in-progress');
    const keySpan = ga.fields[0].keySpan;
    assert.equal(text.slice(keySpan.start, keySpan.end), 'due', 'the key span excludes the asterisks');
  });

  it('reads a field list that follows a description paragraph', () => {
    const text = '## Milestone: Pilot\nThe first clinic goes live.\n\n- due: 2027-01-31\n- owner: sam\n';
    assert.equal(item(parse('p.project.md', text), 'pilot').due?.text, '2027-01-31');
  });

  it('reads synonyms as their field and offers the rename', () => {
    const text = '## Milestone: Beta\n- deadline: 2026-11-02\n- assignee: lea\n- due date: x\n';
    const file = parse('p.project.md', text);
    const beta = item(file, 'beta');
    assert.equal(beta.due?.text, '2026-11-02');
    assert.deepEqual(beta.owners, ['lea']);
    const unknown = file.problems.filter((p) => p.rule === 'unknown-field');
    assert.deepEqual(unknown.map((p) => p.fixes?.[0]?.text), ['due', 'owner', 'due']);
    assert.deepEqual(unknown.map((p) => text.slice(p.span.start, p.span.end)), ['deadline', 'assignee', 'due date']);
    assert.ok(file.problems.some((p) => p.rule === 'invalid-value' && /set twice/.test(p.message)), 'due date after deadline is the same field twice');
  });

  it('ends the run at a task or a sentence; the rest stays content and tasks stay tasks', () => {
    const text = '## Milestone: M\n- due: 2027-01-01\n- [ ] write it\n- status: done\n';
    const file = parse('p.project.md', text);
    assert.equal(item(file, 'm').status, 'planned', 'status after a task is not a field');
    assert.deepEqual(file.items.filter((i) => i.kind === 'task').map((i) => i.title), ['write it']);
  });

  it('does not read a URL as a field', () => {
    const text = '## Milestone: M\n- https://example.com/spec\n';
    const file = parse('p.project.md', text);
    assert.deepEqual(file.problems, []);
  });
});

describe('plan format 1.1: values', () => {
  it('reads thousands and decimal separators by the digits after them', () => {
    const text = '---\ntype: project\nbudget: 1.000 €\nspent: 950 €\n---\n';
    const p = parse('x.project.md', text).items[0];
    assert.equal(p.budget?.amount, 1000);
    assert.equal(p.budget?.currency, 'EUR');
    const d = diagnose({ 'x.project.md': text }, '2026-11-27');
    assert.deepEqual(brief(d, 'over-budget'), []);
  });

  it('splits comma lists in YAML as in Markdown, for links and owners', () => {
    const text = 'type: project\nid: p\ndepends: a, b\nowner: lea, tom\n';
    const p = parse('p.project.yaml', text).items[0];
    assert.deepEqual(p.depends.map((l) => l.id), ['a', 'b']);
    assert.deepEqual(p.depends.map((l) => text.slice(l.idSpan!.start, l.idSpan!.end)), ['a', 'b']);
    assert.deepEqual(p.owners, ['lea', 'tom']);
  });

  it('drops a leading @ from owners, and reads @-handles separated by spaces', () => {
    const md = '## Milestone: M\n- owner: @lea @tom\n\n## Milestone: N {owner=@kim}\n';
    const file = parse('p.project.md', md);
    assert.deepEqual(item(file, 'm').owners, ['lea', 'tom']);
    assert.deepEqual(item(file, 'n').owners, ['kim']);
  });

  it('reads Markdown and wiki links as link values, keeping the target file', () => {
    const text = '## Milestone: M\n- delivers: [Ledger API](#ledger-api)\n- depends: [Ledger, the API](payments.project.md#api-done), [[kyc]]\n';
    const m = item(parse('p.project.md', text), 'm');
    assert.deepEqual(m.delivers.map((l) => l.id), ['ledger-api']);
    assert.deepEqual(m.depends.map((l) => [l.id, l.file]), [['api-done', 'payments.project.md'], ['kyc', undefined]]);
    assert.equal(text.slice(m.depends[0].idSpan!.start, m.depends[0].idSpan!.end), 'api-done');
  });

  it('reads dependency types with lag and lead in both formats', () => {
    const md = '## Milestone: M {depends="a SS+2d, b FF-1w, c"}\n';
    const m = item(parse('p.project.md', md), 'm');
    assert.deepEqual(m.depends.map((l) => [l.id, l.dep?.type, l.dep?.lagDays]), [['a', 'SS', 2], ['b', 'FF', -7], ['c', undefined, undefined]]);
    const yaml = 'type: project\nid: p\ndepends:\n  - a SS\n  - b FS+3d\n';
    assert.deepEqual(parse('p.project.yaml', yaml).items[0].depends.map((l) => [l.id, l.dep?.type, l.dep?.lagDays]), [['a', 'SS', 0], ['b', 'FS', 3]]);
  });

  it('reports a malformed dependency type on the value', () => {
    const text = '## Milestone: M\n- depends: a SF\n';
    const file = parse('p.project.md', text);
    assert.deepEqual(at(text, file, 'invalid-value'), ['a SF']);
  });

  it('reads and validates progress', () => {
    const text = '## Milestone: A\n- progress: 40%\n\n## Milestone: B\n- progress: 140%\n';
    const file = parse('p.project.md', text);
    assert.equal(item(file, 'a').progress?.value, 0.4);
    assert.deepEqual(at(text, file, 'invalid-value'), ['140%']);
  });
});

describe('plan format 1.1: tasks', () => {
  it('reads [-] as dropped and [/] as in progress', () => {
    const text = '## Milestone: M\n- [-] skipped\n- [/] underway\n- [x] finished\n- [ ] open\n';
    const tasks = parse('p.project.md', text).items.filter((i) => i.kind === 'task');
    assert.deepEqual(tasks.map((t) => [t.title, t.status]), [['skipped', 'dropped'], ['underway', 'in-progress'], ['finished', 'done'], ['open', 'planned']]);
  });

  it('keeps subtasks as a tree in Markdown', () => {
    const text = '## Milestone: M\n- [ ] parent\n  - [x] child\n    - [ ] grandchild\n- [ ] sibling\n';
    const file = parse('p.project.md', text);
    const parentOf = (title: string) => file.items[file.items.find((i) => i.title === title)!.parent].title;
    assert.equal(parentOf('parent'), 'M');
    assert.equal(parentOf('child'), 'parent');
    assert.equal(parentOf('grandchild'), 'child');
    assert.equal(parentOf('sibling'), 'M');
  });

  it('keeps subtasks as a tree in YAML', () => {
    const text = 'type: project\nmilestones:\n  - id: m\n    tasks:\n      - title: parent\n        tasks:\n          - title: child\n            done: true\n';
    const file = parse('p.project.yaml', text);
    const child = file.items.find((i) => i.title === 'child')!;
    assert.equal(file.items[child.parent].title, 'parent');
    assert.equal(child.status, 'done');
    assert.deepEqual(file.problems, []);
  });

  it('reads Obsidian Tasks emoji dates and removes them from title and slug', () => {
    const text = '## Milestone: M\n- [ ] Call the supplier 📅 2026-11-01 🛫 2026-10-20\n- [x] Sign ✅ 2026-10-02\n';
    const file = parse('p.project.md', text);
    const call = file.items.find((i) => i.kind === 'task' && i.title === 'Call the supplier')!;
    assert.equal(call.id, 'm/call-the-supplier');
    assert.equal(call.due?.text, '2026-11-01');
    assert.equal(call.start?.text, '2026-10-20');
    assert.equal(text.slice(call.due!.span.start, call.due!.span.end), '2026-11-01');
    assert.deepEqual(file.problems, []);
  });
});

describe('plan format 1.1: robustness of the reading', () => {
  it('treats CR-only line ends as line breaks, front matter included', () => {
    const text = '---\rtype: project\rid: p\r---\r## Milestone: M {due=2027-01-01}\r';
    const file = parse('x.md', text);
    assert.deepEqual(file.items.map((i) => i.id), ['p', 'm']);
    assert.equal(file.lineStarts.length, 6);
  });

  it('reads front matter closed with ... the same way in every mode', () => {
    const text = '---\ntype: project\nid: p\n...\n# comment-like heading\n## Milestone: M\n';
    const plain = parsePlanFile('x.md', text)!;
    assert.deepEqual(plain.items.map((i) => i.id), ['p', 'm']);
  });

  it('resolves YAML aliases in field values, at the alias', () => {
    const text = 'type: project\nid: p\nstart: &d 2027-01-01\nmilestones:\n  - id: m\n    due: *d\n';
    const file = parse('p.project.yaml', text);
    const m = item(file, 'm');
    assert.equal(m.due?.text, '2027-01-01');
    assert.equal(text.slice(m.due!.span.start, m.due!.span.end), '*d');
    assert.deepEqual(file.problems, []);
  });

  it('does not expand aliases of item lists (no alias bomb)', () => {
    const text = 'type: project\nid: p\nmilestones: &ms\n  - id: m\ntasks: *ms\n';
    const file = parse('p.project.yaml', text);
    assert.deepEqual(at(text, file, 'invalid-value'), ['*ms']);
  });

  it('reads `constructor` as a plain unknown word, never a table lookup', () => {
    const text = 'type: project\nid: p\nconstructor: x\nstatus: constructor\n';
    const file = parse('p.project.yaml', text);
    assert.deepEqual(at(text, file, 'unknown-field'), ['constructor']);
    assert.deepEqual(at(text, file, 'invalid-value'), ['constructor']);
  });

  it('refuses YAML nested deeper than any plan, with one located parse-error', () => {
    for (const text of ['['.repeat(1000), '- '.repeat(1000) + 'x', Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')]) {
      for (let round = 0; round < 2; round++) {
        const file = parse('deep.project.yaml', text);
        assert.equal(file.problems.filter((p) => p.rule === 'parse-error').length, 1);
      }
    }
  });

  it('keeps YAML error ranges inside the document', () => {
    for (const text of ['type: project\nid: "open', 'type: project\nmilestones: [', 'type: project\nid: p\n  bad']) {
      const file = parse('e.project.yaml', text);
      for (const p of file.problems) assert.ok(p.span.start <= text.length && p.span.end <= text.length, `${JSON.stringify(p)} in ${text.length}`);
    }
  });

  it('survives deep Markdown nesting: lists, blockquotes, emphasis', () => {
    for (const text of ['- '.repeat(3000) + 'x\n', '> '.repeat(3000) + 'x\n', '## Milestone: M\n' + '- [ ] '.repeat(500) + 'x\n']) {
      const file = parse('deep.project.md', text);
      assert.ok(file.items.length >= 1);
    }
  });
});

describe('plan format 1.1: the CLI and the editor read a file alike', () => {
  it('resolves link reference definitions held by another section', () => {
    let text = '---\ntype: project\nid: p\n---\n## Milestone: Ship the [spec][s] {#ship}\n';
    for (let i = 0; i < 40; i++) text += `## Notes ${i}\n${'Filler text that makes the file long. '.repeat(40)}\n\n`;
    text += '## References\n[s]: https://example.com/spec\n';
    const cli = parsePlanFile('p.project.md', text)!;
    const editor = parsePlanFile('p.project.md', text, { cache: new SectionCache() })!;
    assert.equal(cli.items[1].title, 'Ship the spec');
    assert.deepEqual(editor.items, cli.items);
    assert.deepEqual(editor.problems, cli.problems);
  });
});

describe('plan format 1.1: YAML quoting', () => {
  it('locates quoted list entries and quoted comma lists on their text, inside the quotes', () => {
    const text = 'type: project\nid: p\ndelivers: ["skincare-line"]\ndepends: "a, b"\nmilestones:\n  - id: m\n    title: "open\n';
    const p = parse('p.project.yaml', text).items[0];
    const span = (l: { idSpan?: { start: number; end: number } }) => text.slice(l.idSpan!.start, l.idSpan!.end);
    assert.deepEqual(p.delivers.map(span), ['skincare-line']);
    assert.deepEqual(p.depends.map(span), ['a', 'b']);
  });
});

describe('plan format 1.1: written ids', () => {
  it('an id: entry equal to the heading slug is still a written id; a second, different id is said', () => {
    const text = '## Milestone: Pilot\n- id: pilot\n\n## Milestone: Beta {#beta}\n- id: gamma\n';
    const file = parse('p.project.md', text);
    assert.deepEqual(file.items.slice(1).map((i) => [i.id, i.idExplicit]), [['pilot', true], ['beta', true]]);
    assert.deepEqual(at(text, file, 'invalid-value'), ['gamma']);
  });
});

describe('plan format 1.1: more fuzz findings', () => {
  it('says when a YAML comment took a link value', () => {
    const text = 'type: project\nid: p\ndepends: #m1\n';
    const file = parse('p.project.yaml', text);
    assert.ok(file.problems.some((p) => p.rule === 'invalid-value' && /is empty/.test(p.message)), JSON.stringify(file.problems));
  });

  it('does not title the file with an H1 that is an item itself', () => {
    const text = '---\ntype: roadmap\nid: r\n---\n# Big bet {#bet target=2027-Q1}\n';
    const file = parse('r.roadmap.md', text);
    assert.equal(file.items[0].title, 'r');
    assert.equal(file.items[1].title, 'Big bet');
  });
});

describe('plan format 1.1: a broken YAML plan is still a plan', () => {
  it('reads a YAML file whose top-level type line is clear even when the YAML does not parse', () => {
    const text = 'type: project\nid: p\nmilestones: [\n';
    const file = parsePlanFile('notes/plan.yaml', text);
    assert.ok(file, 'the file is reported, not skipped');
    assert.ok(file.problems.some((p) => p.rule === 'parse-error'));
  });
});

describe('plan format 1.1: broken front matter', () => {
  it('reads a Markdown file whose front matter says type: project even when the rest of it does not parse', () => {
    const text = `---\ntype: project\nbudget: ${'['.repeat(200)}\n---\n## Milestone: M {due=2026-01-01}\n`;
    const file = parsePlanFile('notes.md', text);
    assert.ok(file, 'reported, not skipped');
    assert.ok(file.problems.some((p) => p.rule === 'parse-error'));
    assert.deepEqual(file.items.map((i) => i.kind), ['project', 'milestone']);
  });
});

describe('plan format 1.1: a broken flow mapping that says its type', () => {
  it('reads front matter written as a broken flow mapping with type first', () => {
    const file = parsePlanFile('notes.md', '---\n{type: roadmap, owner: }, id: Grow retention}\n---');
    assert.ok(file, 'reported, not skipped');
    assert.equal(file.type, 'roadmap');
    assert.ok(file.problems.some((p) => p.rule === 'parse-error'));
  });
});
