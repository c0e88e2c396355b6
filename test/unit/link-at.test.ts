import assert from 'node:assert/strict';
import { linkAt } from '../../src/core/language/link-at';
import { parse } from './helpers';

describe('linkAt', () => {
  it('finds the link id under an offset in attribute blocks, field lists and YAML', () => {
    const md = '---\ntype: project\nid: p\ndelivers: launch\n---\n## Milestone: B {#b depends=a,c}\n## Milestone: D\n- depends: b\n';
    const file = parse('p.project.md', md);
    assert.equal(linkAt(file, md.indexOf('a,c'))?.link.id, 'a');
    assert.equal(linkAt(file, md.indexOf(',c') + 1)?.link.id, 'c');
    assert.equal(linkAt(file, md.indexOf('launch') + 2)?.field, 'delivers');
    assert.equal(linkAt(file, md.lastIndexOf(': b') + 2)?.link.id, 'b');
    assert.equal(linkAt(file, md.indexOf('Milestone: B')), undefined);
    const yaml = 'type: project\nid: y\nmilestones:\n  - id: m\n    depends: [a, b]\n';
    assert.equal(linkAt(parse('y.project.yaml', yaml), yaml.indexOf(' b]') + 1)?.link.id, 'b');
  });
});
