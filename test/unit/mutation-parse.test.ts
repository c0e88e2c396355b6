/**
 * Behaviours of src/core/parse that mutation testing (docs/mutation-testing.md) showed no test
 * pinned down: attribute blocks to the character, list splitting, file names, which files are
 * plans and as what type, binary and unreadable files.
 */
import assert from 'node:assert/strict';
import { scanAttributeBlock, splitList } from '../../src/core/parse/attributes';
import { failedFile, isCandidatePath, looksBinary, parsePlanFile, typeFromName, type ParseOptions } from '../../src/core/parse/index';
import { fileStem, slugId } from '../../src/core/parse/item';

/** A parsed file in brief: type, items as [kind, id, title], problems as [rule, message, start, end]. */
function read(path: string, text: string, options: ParseOptions = {}) {
  const f = parsePlanFile(path, text, options);
  return f && { type: f.type, items: f.items.map((i) => [i.kind, i.id, i.title]), problems: f.problems.map((p) => [p.rule, p.message, p.span.start, p.span.end]), unread: f.unread };
}

describe('mutation: parse', () => {
  describe('attribute blocks', () => {
    it('reads ids, bare, quoted, single-quoted, empty and comma values, each with its spans', () => {
      const scan = scanAttributeBlock('Title {#a-b key=v q="x y" s=\'z\' e= list=a,b}', 10);
      assert.equal(scan.kind, 'block');
      if (scan.kind !== 'block') return;
      assert.deepEqual(scan.block.span, { start: 16, end: 54 });
      assert.deepEqual(scan.block.id, { text: 'a-b', span: { start: 18, end: 21 } });
      assert.deepEqual(scan.block.fields.map((f) => [f.key, f.keySpan.start, f.keySpan.end, f.valueSpan.start, f.valueSpan.end, f.parts.map((p) => [p.text, p.span.start, p.span.end])]), [
        ['key', 22, 25, 22, 27, [['v', 26, 27]]],
        ['q', 28, 29, 28, 35, [['x y', 31, 34]]],
        ['s', 36, 37, 36, 41, [['z', 39, 40]]],
        ['e', 42, 43, 42, 44, [['', 44, 44]]],
        ['list', 45, 49, 45, 53, [['a,b', 50, 53]]],
      ]);
      assert.ok(scan.block.fields.every((f) => f.inAttributeBlock && !f.isList));
    });

    it('normalises keys, and takes the last of several blocks that parse', () => {
      const scan = scanAttributeBlock('T {Due_Date=1}', 0);
      assert.deepEqual(scan.kind === 'block' && scan.block.fields.map((f) => f.key), ['due-date']);
      assert.deepEqual(scanAttributeBlock('T {x} {#a}  ', 0), { kind: 'block', block: { span: { start: 6, end: 10 }, fields: [], id: { text: 'a', span: { start: 8, end: 9 } } } });
      assert.deepEqual(scanAttributeBlock('T {key=1 {#b}', 0), { kind: 'block', block: { span: { start: 9, end: 13 }, fields: [], id: { text: 'b', span: { start: 11, end: 12 } } } });
    });

    it('leaves braces that do not start like a block to the title', () => {
      assert.deepEqual(scanAttributeBlock('Ship v2 {beta}', 0), { kind: 'none' });
      assert.deepEqual(scanAttributeBlock('No braces', 0), { kind: 'none' });
    });

    it('reports a block that starts like one but does not parse, saying why', () => {
      assert.deepEqual(scanAttributeBlock('T {#a} trailing', 0), { kind: 'broken', span: { start: 2, end: 15 }, reason: 'text follows the closing `}`' });
      assert.deepEqual(scanAttributeBlock('T {#a key="open}', 0), { kind: 'broken', span: { start: 2, end: 16 }, reason: 'a quoted value is not closed' });
      assert.deepEqual(scanAttributeBlock('T {#a "open', 0), { kind: 'broken', span: { start: 2, end: 11 }, reason: 'a quoted value is not closed' });
      assert.deepEqual(scanAttributeBlock('T {#a', 0), { kind: 'broken', span: { start: 2, end: 5 }, reason: 'the attribute block has no closing `}`' });
      assert.deepEqual(scanAttributeBlock('T {#a   \t', 4), { kind: 'broken', span: { start: 6, end: 9 }, reason: 'the attribute block has no closing `}`' });
      assert.deepEqual(scanAttributeBlock('T {#a ke$y=1}', 0), { kind: 'broken', span: { start: 2, end: 13 }, reason: 'cannot read `ke$y=1` (expected `#id`, `key=value` or `}`)' });
      assert.deepEqual(scanAttributeBlock('T { key = 1}', 0), { kind: 'broken', span: { start: 2, end: 12 }, reason: 'cannot read `key` (expected `#id`, `key=value` or `}`)' });
    });
  });

  describe('lists', () => {
    it('splits on commas outside brackets and parentheses, trimmed, with spans', () => {
      assert.deepEqual(splitList(' a , [x, y](p.md#q) ,, b(c,d) ', 5), [
        { text: 'a', span: { start: 6, end: 7 } },
        { text: '[x, y](p.md#q)', span: { start: 10, end: 24 } },
        { text: 'b(c,d)', span: { start: 28, end: 34 } },
      ]);
      assert.deepEqual(splitList('a]b,c', 0), [{ text: 'a]b', span: { start: 0, end: 3 } }, { text: 'c', span: { start: 4, end: 5 } }]);
      assert.deepEqual(splitList('   ', 3), [{ text: '', span: { start: 3, end: 3 } }]);
      assert.deepEqual(splitList('', 0), [{ text: '', span: { start: 0, end: 0 } }]);
    });
  });

  describe('file names', () => {
    it('takes ids from file names without folders and plan endings', () => {
      assert.equal(fileStem('plans/Launch.Roadmap.MD'), 'Launch');
      assert.equal(fileStem('a\\b\\x.project.yaml'), 'x');
      assert.equal(fileStem('x.yml'), 'x');
      assert.equal(fileStem('notes.markdown'), 'notes');
      assert.equal(fileStem('x.project'), 'x');
      assert.equal(fileStem('a.roadmap.txt'), 'a.roadmap.txt');
      assert.equal(slugId('  Hello World! Ça va?  '), 'hello-world-ça-va');
      assert.equal(slugId(''), '');
    });

    it('knows candidate paths and the type a name gives', () => {
      assert.deepEqual(['a.md', 'a.MARKDOWN', 'a.yaml', 'a.YML', 'a.txt', 'a.md.bak', 'md'].map(isCandidatePath), [true, true, true, true, false, false, false]);
      assert.equal(typeFromName('plans/Launch.Roadmap.MD'), 'roadmap');
      assert.equal(typeFromName('a.project.yml'), 'project');
      assert.equal(typeFromName('a.project.markdown'), 'project');
      assert.equal(typeFromName('a.projects.md'), undefined);
      assert.equal(typeFromName('a.project.md.bak'), undefined);
      assert.equal(typeFromName('x.md'), undefined);
    });
  });

  describe('which files are plans', () => {
    it('takes the type from `type:` over the name, any case', () => {
      assert.deepEqual(read('a.md', '---\ntype: Roadmap\n---\n'), { type: 'roadmap', items: [['roadmap', 'a', 'a']], problems: [], unread: undefined });
      assert.equal(read('a.md', '---\ntype: whatever\n---\n'), undefined);
      assert.equal(read('a.md', '## Milestone: M\n'), undefined, 'no name, no type, not included');
      assert.equal(read('b.txt', '---\ntype: project\n---\n'), undefined, 'not a candidate path');
    });

    it('reads a near miss of a type as meant, and an unknown type as the name says, reporting both', () => {
      assert.deepEqual(read('a.md', '---\ntype: projet\n---\n')?.problems, [['invalid-value', "Unknown file type 'projet' (use roadmap or project): did you mean 'project'?", 10, 16]]);
      assert.deepEqual(read('a.md', '---\ntype: projet\n---\n')?.type, 'project');
      assert.deepEqual(read('a.roadmap.md', '---\ntype: whatever\n---\n'), {
        type: 'roadmap', items: [['roadmap', 'a', 'a']], problems: [['invalid-value', "Unknown file type 'whatever' (use roadmap or project); read as a roadmap from the file name", 10, 18]], unread: undefined,
      });
    });

    it('infers the type of an included file from its headings or YAML keys', () => {
      assert.deepEqual(read('a.md', '## Milestone: M\n', { included: true })?.items, [['project', 'a', 'a'], ['milestone', 'm', 'M']]);
      assert.deepEqual(read('a.md', '# Project: P\n', { included: true })?.type, 'project');
      assert.deepEqual(read('a.md', '### Epic: E\n', { included: true })?.items, [['roadmap', 'a', 'a'], ['initiative', 'e', 'E']]);
      assert.deepEqual(read('a.md', '## Goal: G\n', { included: true })?.type, 'roadmap');
      assert.deepEqual(read('a.yaml', 'milestones:\n  - title: x\n', { included: true })?.items, [['project', 'a', 'a'], ['milestone', 'x', 'x']]);
      assert.deepEqual(read('a.yaml', 'goals:\n  - title: x\n', { included: true })?.items, [['roadmap', 'a', 'a'], ['goal', 'x', 'x']]);
      assert.deepEqual(read('a.yaml', 'initiatives:\n  - title: x\n', { included: true })?.type, 'roadmap');
      assert.equal(read('a.yaml', 'foo: 1\n', { included: true }), undefined);
      assert.equal(read('a.md', 'Some ## Milestone: text\n', { included: true }), undefined);
    });

    it('reads a file named on the command line as a project, saying how to make it a plan when it holds none', () => {
      assert.deepEqual(read('notes.md', '# Notes\n', { explicit: true }), {
        type: 'project', items: [['project', 'notes', 'Notes']], unread: true,
        problems: [['not-a-plan', 'This file holds no plan item: to make it a plan, name it *.project.md or *.roadmap.md, or add `type: project` (or `type: roadmap`) to its front matter, or headings such as `## Milestone: Beta`', 0, 0]],
      });
      assert.deepEqual(read('notes.yaml', 'title: x\n', { explicit: true })?.problems, [
        ['not-a-plan', 'This file holds no plan item: to make it a plan, name it *.project.md or *.roadmap.md, or add `type: project` (or `type: roadmap`) and `milestones:` (or `goals:`, `initiatives:`)', 0, 0],
      ]);
      assert.deepEqual(read('notes.md', '## Milestone: M\n', { explicit: true }), { type: 'project', items: [['project', 'notes', 'notes'], ['milestone', 'm', 'M']], problems: [], unread: undefined });
    });

    it('reports binary files that are plans by name or by request, and skips the others', () => {
      const binary = { type: 'project', items: [['project', 'b', 'b']], problems: [['parse-error', 'This file is binary, not text: a plan file must be UTF-8 Markdown or YAML', 0, 0]], unread: true };
      assert.deepEqual(read('b.project.md', 'x\u0000y'), binary);
      assert.deepEqual(read('b.md', 'x\u0000y', { explicit: true }), binary);
      assert.equal(read('b.md', 'x\u0000y'), undefined);
    });

    it('reports a file over the size limit without reading it', () => {
      const big = `---\ntype: project\n---\n${'x'.repeat(4 * 1024 * 1024)}`;
      assert.deepEqual(read('big.project.md', big)?.problems, [['parse-error', 'This file is 4.0 MB, over the 4 MB limit for a plan file; it was not read', 0, 0]]);
      assert.equal(read('big.md', big), undefined);
      const atLimit = parsePlanFile('ok.project.yaml', `#${' '.repeat(4 * 1024 * 1024 - 1)}`);
      assert.deepEqual(atLimit?.problems, [], 'exactly at the limit is read');
    });

    it('ignores a BOM', () => {
      assert.deepEqual(read('c.project.md', '\ufeff---\nid: c\n---\n'), { type: 'project', items: [['project', 'c', 'c']], problems: [], unread: undefined });
    });
  });

  describe('binary text', () => {
    it('counts NUL, C0 controls other than tab, LF, FF and CR, DEL and U+FFFD over a tenth of the start', () => {
      assert.equal(looksBinary(''), false);
      assert.equal(looksBinary('a\u0000'), true);
      assert.equal(looksBinary('\u0001' + 'a'.repeat(9)), false, 'exactly a tenth');
      assert.equal(looksBinary('\u0001\u0001' + 'a'.repeat(9)), true);
      assert.equal(looksBinary('\u007f\u007f' + 'a'.repeat(9)), true);
      assert.equal(looksBinary('\ufffd\ufffd' + 'a'.repeat(9)), true);
      assert.equal(looksBinary('\u001f\u001f' + 'a'.repeat(9)), true);
      assert.equal(looksBinary('\t\n\f\r' + 'a'), false);
      assert.equal(looksBinary(' '.repeat(8192) + '\u0001'.repeat(8192)), false, 'only the first 8 KiB count');
    });

    it('gives an unreadable file its file-level item and a parse error', () => {
      assert.deepEqual(failedFile('dir/My Plan.project.md', 'project', 'msg'), {
        path: 'dir/My Plan.project.md', type: 'project', lineStarts: [0], unread: true,
        items: [{ kind: 'project', id: 'my-plan', idExplicit: false, title: 'My Plan', anchor: { start: 0, end: 0 }, extent: { start: 0, end: 0 }, parent: -1, fields: [], status: 'planned', goal: [], delivers: [], depends: [], owners: [] }],
        problems: [{ rule: 'parse-error', span: { start: 0, end: 0 }, message: 'msg' }],
      });
      assert.equal(failedFile('x/.project.md', 'roadmap', 'm').items[0].id, 'untitled');
    });
  });
});
