import assert from 'node:assert/strict';
import { formatDay, parseDateOrPeriod, relativeDays } from '../../src/core/dates';

function range(text: string): [string, string] {
  const r = parseDateOrPeriod(text);
  assert.ok(r.ok, `${text} should parse`);
  return [formatDay(r.value.first), formatDay(r.value.last)];
}

describe('dates and periods', () => {
  it('reads a day', () => assert.deepEqual(range('2027-01-31'), ['2027-01-31', '2027-01-31']));
  it('reads months, quarters, halves and years as their first and last day', () => {
    assert.deepEqual(range('2027-02'), ['2027-02-01', '2027-02-28']);
    assert.deepEqual(range('2028-02'), ['2028-02-01', '2028-02-29']);
    assert.deepEqual(range('2027-Q1'), ['2027-01-01', '2027-03-31']);
    assert.deepEqual(range('2027-q4'), ['2027-10-01', '2027-12-31']);
    assert.deepEqual(range('2027-H2'), ['2027-07-01', '2027-12-31']);
    assert.deepEqual(range('2027'), ['2027-01-01', '2027-12-31']);
  });
  it('rejects days that do not exist, with the reason', () => {
    const r = parseDateOrPeriod('2027-02-30');
    assert.ok(!r.ok);
    assert.match(r.reason, /February 2027 has 28 days/);
    assert.ok(parseDateOrPeriod('2028-02-29').ok, 'leap day exists in 2028');
    assert.ok(!parseDateOrPeriod('2100-02-29').ok, '2100 is not a leap year');
    assert.ok(!parseDateOrPeriod('2027-13').ok);
    assert.ok(!parseDateOrPeriod('2027-Q5').ok);
    assert.ok(!parseDateOrPeriod('2027-H3').ok);
    assert.ok(!parseDateOrPeriod('31/01/2027').ok);
    assert.ok(!parseDateOrPeriod('').ok);
  });
  it('says how far a day is from today', () => {
    const today = parseDateOrPeriod('2026-11-23');
    const due = parseDateOrPeriod('2026-11-11');
    assert.ok(today.ok && due.ok);
    assert.equal(relativeDays(due.value.first, today.value.first), '12 days ago');
    assert.equal(relativeDays(today.value.first + 1, today.value.first), 'in 1 day');
    assert.equal(relativeDays(today.value.first, today.value.first), 'today');
  });
});
