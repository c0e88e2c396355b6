/**
 * Behaviours of src/core/model that mutation testing (docs/mutation-testing.md) showed no test
 * pinned down: money and number reading at the edges, dependency specs, the queries rules and
 * views share, and the field tables' lookups.
 */
import assert from 'node:assert/strict';
import { readDependency } from '../../src/core/model/dependency';
import { childKindOf, isFieldOf, isKnownKey, isLikelyTypo, kindsKnowing, normalizeKey, suggestKey, synonymOf } from '../../src/core/model/fields';
import { deadlineOf, Label, label, NodeLabel, nodeLabel, plural, progressOf, startOf, taskCounts, tasksUnder, titleOf, withArticle } from '../../src/core/model/queries';
import { formatMoney, isClosed, isEstimate, parseHorizon, parseMoney, parseNumber, parseProgress, parseStatus } from '../../src/core/model/values';
import { workspace } from './helpers';

describe('mutation: model', () => {
  describe('values', () => {
    it('reads statuses whatever their case, spacing, underscores and apostrophes', () => {
      assert.equal(parseStatus('  In_Progress  '), 'in-progress');
      assert.equal(parseStatus('IN   PROGRESS'), 'in-progress');
      assert.equal(parseStatus('wont_do'), 'dropped');
      assert.equal(parseStatus('won’t do'), 'dropped');
      assert.equal(parseStatus('wontdo'), 'dropped');
      assert.equal(parseStatus('Idea'), 'idea');
      assert.equal(parseStatus('blocked'), 'blocked');
      assert.equal(parseStatus(''), undefined);
      assert.equal(parseHorizon(' LATER '), 'later');
      assert.equal(parseHorizon('next'), 'next');
      assert.equal(parseHorizon('now-ish'), undefined);
    });

    it('counts done and dropped, and only those, as closed', () => {
      assert.deepEqual((['idea', 'planned', 'in-progress', 'blocked', 'done', 'dropped'] as const).map(isClosed), [false, false, false, false, true, true]);
    });

    it('reads money: decimals, thousands groups, multipliers, symbols after the amount', () => {
      assert.deepEqual(parseMoney('1.000,50 €'), { amount: 1000.5, currency: 'EUR' });
      assert.deepEqual(parseMoney('1.000 €'), { amount: 1000, currency: 'EUR' });
      assert.deepEqual(parseMoney('1,5m'), { amount: 1500000, currency: undefined });
      assert.deepEqual(parseMoney('2bn USD'), { amount: 2e9, currency: 'USD' });
      assert.deepEqual(parseMoney('3b'), { amount: 3e9, currency: undefined });
      assert.deepEqual(parseMoney('7mm'), { amount: 7e6, currency: undefined });
      assert.deepEqual(parseMoney('£12'), { amount: 12, currency: 'GBP' });
      assert.deepEqual(parseMoney('500¥'), { amount: 500, currency: 'JPY' });
      assert.deepEqual(parseMoney('₹ 80'), { amount: 80, currency: 'INR' });
      assert.deepEqual(parseMoney('EUR€40'), { amount: 40, currency: 'EUR' });
      assert.deepEqual(parseMoney("1'234'567 CHF"), { amount: 1234567, currency: 'CHF' });
      assert.deepEqual(parseMoney('1_000'), { amount: 1000, currency: undefined });
      assert.deepEqual(parseMoney('  250  '), { amount: 250, currency: undefined });
      assert.deepEqual(parseMoney('-1.5k'), { amount: -1500, currency: undefined });
      assert.deepEqual(parseMoney(0), { amount: 0 });
    });

    it('refuses money that is not one amount', () => {
      assert.equal(parseMoney(Number.NaN), undefined);
      assert.equal(parseMoney(Number.POSITIVE_INFINITY), undefined);
      assert.equal(parseMoney('1'.repeat(65)), undefined);
      assert.deepEqual(parseMoney('1'.repeat(64)), { amount: Number('1'.repeat(64)), currency: undefined });
      assert.equal(parseMoney('5 xyz'), undefined, 'an unknown multiplier');
      assert.equal(parseMoney('1.2345'), undefined, 'four decimals');
      assert.equal(parseMoney('1,2345,678'), undefined, 'a group of four');
      assert.equal(parseMoney('12,34,567'), undefined, 'a group of two before the last');
      assert.equal(parseMoney('$5 €'), undefined);
      assert.equal(parseMoney('USD $'), undefined);
      assert.equal(parseMoney(''), undefined);
    });

    it('formats money with grouping, at most two decimals and the currency after', () => {
      assert.equal(formatMoney({ amount: 1234567.891, currency: 'EUR' }), '1,234,567.89 EUR');
      assert.equal(formatMoney({ amount: 40000 }), '40,000');
      assert.equal(formatMoney({ amount: 0.5, currency: '' }), '0.5');
    });

    it('reads a progress from 0 to 100 with an optional percent sign', () => {
      assert.equal(parseProgress('60%'), 0.6);
      assert.equal(parseProgress(' 60 % '), 0.6);
      assert.equal(parseProgress(100), 1);
      assert.equal(parseProgress('0'), 0);
      assert.equal(parseProgress('12.5'), 0.125);
      assert.equal(parseProgress('100.5'), undefined);
      assert.equal(parseProgress('101'), undefined);
      assert.equal(parseProgress('1000'), undefined);
      assert.equal(parseProgress('-5'), undefined);
      assert.equal(parseProgress('60%%'), undefined);
      assert.equal(parseProgress('x60'), undefined);
      assert.equal(parseProgress('60x'), undefined);
    });

    it('reads plain numbers, negative and decimal, and percentages of them', () => {
      assert.equal(parseNumber(' -2.5 '), -2.5);
      assert.equal(parseNumber('12.5 %'), 0.125);
      assert.equal(parseNumber(7), 7);
      assert.equal(parseNumber(Number.NaN), undefined);
      assert.equal(parseNumber(Number.NEGATIVE_INFINITY), undefined);
      assert.equal(parseNumber('1.'), undefined);
      assert.equal(parseNumber('x1'), undefined);
      assert.equal(parseNumber('1x'), undefined);
    });

    it('reads estimates with every unit, and refuses negative ones', () => {
      for (const e of ['3', '4h', '2 hrs', '1 hour', '3 hours', '2d', '1 day', '5 days', '1w', '2 wks', '3 weeks', '1m', '2 mo', '3 months', '5 pts', '1 point', '8 sp', ' 1.5 W ']) assert.ok(isEstimate(e), e);
      for (const e of ['-1', '2 years', 'h', '1.', 'x2d', '2dx']) assert.ok(!isEstimate(e), e);
      assert.ok(isEstimate(0));
      assert.ok(!isEstimate(-1));
    });
  });

  describe('dependency specs', () => {
    it('reads a bare id as finish-to-start with no lag', () => {
      assert.deepEqual(readDependency('  ledger-api  '), { ok: true, value: { id: 'ledger-api', type: 'FS', lagDays: 0 } });
    });
    it('reads a type with a lag in days or weeks, and where the type starts', () => {
      assert.deepEqual(readDependency('kyc SS+2w'), { ok: true, value: { id: 'kyc', type: 'SS', lagDays: 14, typeOffset: 4 } });
      assert.deepEqual(readDependency('x ff - 3 days'), { ok: true, value: { id: 'x', type: 'FF', lagDays: -3, typeOffset: 2 } });
      assert.deepEqual(readDependency('x FS+5'), { ok: true, value: { id: 'x', type: 'FS', lagDays: 5, typeOffset: 2 } });
      assert.deepEqual(readDependency('x FS+1week'), { ok: true, value: { id: 'x', type: 'FS', lagDays: 7, typeOffset: 2 } });
      assert.deepEqual(readDependency('x FS+1day'), { ok: true, value: { id: 'x', type: 'FS', lagDays: 1, typeOffset: 2 } });
      assert.deepEqual(readDependency('x fs'), { ok: true, value: { id: 'x', type: 'FS', lagDays: 0, typeOffset: 2 } });
    });
    it('refuses an empty spec, an unknown type, a long lag and start-to-finish', () => {
      assert.deepEqual(readDependency('   '), { ok: false, id: '', reason: 'is empty' });
      assert.deepEqual(readDependency('x XY'), { ok: false, id: 'x', reason: "'XY' is not a dependency type: write FS, SS or FF with an optional lag such as +5d or -1w" });
      assert.equal(readDependency('x FS+12345d').ok, false);
      assert.equal(readDependency('x FS+5y').ok, false);
      assert.deepEqual(readDependency('x SF'), { ok: false, id: 'x', reason: 'start-to-finish (SF) dependencies are not supported: use FS, SS or FF' });
    });
  });

  describe('queries', () => {
    const ws = workspace({
      'p.project.md': [
        '---', 'type: project', 'id: p', 'start: 2027-01-01', 'end: 2027-06-30', '---',
        '## Milestone: One {#one due=2027-02-01}',
        '- [x] a',
        '- [ ] b',
        '  - [x] b1',
        '## Milestone: Two {#two due=2027-03-01 start=2027-02-15 progress=40%}',
        '## Milestone: Three {#three}',
        '',
      ].join('\n'),
      'r.roadmap.md': ['---', 'type: roadmap', 'id: r', '---', '## Initiative: Ship {#ship target=2027-Q2}', '## Goal: Grow {#grow due=2027-12-31}', ''].join('\n'),
    });
    const node = (id: string) => ws.byId.get(id)!;

    it('takes a deadline from the field each kind owns', () => {
      assert.equal(deadlineOf(node('p').item)?.text, '2027-06-30');
      assert.equal(deadlineOf(node('ship').item)?.text, '2027-Q2');
      assert.equal(deadlineOf(node('grow').item)?.text, '2027-12-31');
      assert.equal(deadlineOf(node('one').item)?.text, '2027-02-01');
      assert.equal(deadlineOf(node('r').item), undefined);
      assert.equal(startOf(node('two').item)?.text, '2027-02-15');
      assert.equal(startOf(node('one').item)?.text, '2027-02-01');
      assert.equal(startOf(node('p').item)?.text, '2027-01-01');
    });

    it('lists the tasks under a node in document order, subtasks included', () => {
      assert.deepEqual(tasksUnder(node('one')).map((n) => n.item.title), ['a', 'b', 'b1']);
      assert.deepEqual(tasksUnder(node('p')).map((n) => n.item.title), ['a', 'b', 'b1']);
      assert.deepEqual(tasksUnder(node('three')), []);
    });

    it('counts done tasks as progress, unless a progress is written', () => {
      assert.deepEqual(progressOf(node('one')), { value: 2 / 3, source: 'tasks', done: 2, total: 3 });
      assert.deepEqual(progressOf(node('two')), { value: 0.4, source: 'written' });
      assert.equal(progressOf(node('three')), undefined);
      const counts = taskCounts(ws.nodes);
      assert.deepEqual(counts.get(node('p')), { done: 2, total: 3 });
      assert.deepEqual(counts.get(node('one')), { done: 2, total: 3 });
      assert.deepEqual(counts.get(node('three')), { done: 0, total: 0 });
      assert.deepEqual(progressOf(node('p'), counts), { value: 2 / 3, source: 'tasks', done: 2, total: 3 });
      assert.equal(progressOf(node('three'), counts), undefined);
    });

    it('names items in messages', () => {
      assert.equal(withArticle('initiative'), 'an initiative');
      assert.equal(withArticle('Epic'), 'an Epic');
      assert.equal(withArticle('milestone'), 'a milestone');
      assert.equal(titleOf({ title: '', id: 'x' }), 'x');
      assert.equal(titleOf({ title: '', id: '' }, 'plans/a.project.md'), 'a.project.md');
      assert.equal(titleOf({ title: '', id: '' }, 'a.project.md'), 'a.project.md');
      assert.equal(titleOf({ title: '', id: '' }), '');
      assert.equal(label({ kind: 'task', title: 'T', id: '' }), "task 'T'");
      assert.equal(Label({ kind: 'task', title: 'T', id: '' }), "Task 'T'");
      assert.equal(nodeLabel(node('one')), "milestone 'One'");
      assert.equal(NodeLabel(node('one')), "Milestone 'One'");
      assert.equal(plural(1, 'item'), '1 item');
      assert.equal(plural(0, 'item'), '0 items');
      assert.equal(plural(4000, 'item'), '4,000 items');
    });
  });

  describe('fields', () => {
    it('normalises keys and knows which kind has which field', () => {
      assert.equal(normalizeKey('  Due_Date  '), 'due-date');
      assert.equal(normalizeKey('Percent   complete'), 'percent-complete');
      assert.equal(synonymOf('deadline'), 'due');
      assert.equal(synonymOf('due'), undefined);
      assert.ok(isKnownKey('milestones') && isKnownKey('budget') && !isKnownKey('deadline'));
      assert.equal(childKindOf('project', 'milestones'), 'milestone');
      assert.equal(childKindOf('task', 'subtasks'), 'task');
      assert.equal(childKindOf('milestone', 'milestones'), undefined);
      assert.ok(isFieldOf('project', 'tasks') && isFieldOf('task', 'estimate') && !isFieldOf('task', 'budget'));
      assert.deepEqual(kindsKnowing('budget'), ['project']);
      assert.deepEqual(kindsKnowing('tasks'), ['goal', 'initiative', 'project', 'milestone', 'task']);
    });

    it('suggests the nearest known key only for a plausible typo', () => {
      assert.equal(suggestKey('statu'), 'status');
      assert.equal(suggestKey('ownr', 'milestone'), 'owner');
      assert.equal(suggestKey('budgt', 'project'), 'budget');
      assert.equal(suggestKey('budgt', 'task'), undefined);
      assert.equal(suggestKey('milestons', 'project'), 'milestones');
      assert.equal(suggestKey('x'.repeat(65)), undefined);
      assert.equal(suggestKey('status'), undefined, 'no distance: not a typo');
      assert.ok(isLikelyTypo('ib', 'id'), 'one edit is always plausible');
      assert.ok(!isLikelyTypo('xxe', 'due'), 'a distance of 1 is the limit for a three-letter key');
      assert.ok(isLikelyTypo('dlivers', 'delivers'));
      assert.ok(isLikelyTypo('dlivrs', 'delivers'), 'two edits for an eight-letter key');
      assert.ok(!isLikelyTypo('dlvrs', 'delivers'), 'never more than two');
    });
  });
});
