import assert from 'node:assert/strict';
import { dayFromParts, formatDay, isoWeeksInYear, isoWeekday, parseDateOrPeriod, relativeDays } from '../../src/core/dates';

function range(text: string): [string, string] {
  const r = parseDateOrPeriod(text);
  assert.ok(r.ok, `${text} should parse`);
  return [formatDay(r.value.first), formatDay(r.value.last)];
}

function reason(text: string): string {
  const r = parseDateOrPeriod(text);
  assert.ok(!r.ok, `${text} should not parse`);
  return r.reason;
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
  it('reads ISO weeks from Monday to Sunday, and only weeks that exist', () => {
    assert.deepEqual(range('2027-W10'), ['2027-03-08', '2027-03-14']);
    assert.deepEqual(range('2026-W01'), ['2025-12-29', '2026-01-04'], 'week 1 holds 4 January, so it can start in December');
    assert.deepEqual(range('2026-W53'), ['2026-12-28', '2027-01-03'], '2026 starts on a Thursday: 53 weeks');
    assert.deepEqual(range('2027-W01'), ['2027-01-04', '2027-01-10']);
    assert.deepEqual(range('2020-w53'), ['2020-12-28', '2021-01-03'], 'leap year starting on a Wednesday: 53 weeks');
    const r = parseDateOrPeriod('2027-W10');
    assert.ok(r.ok && r.value.isPeriod && r.value.text === '2027-W10');
    assert.equal(reason('2027-W53'), 'week 53 does not exist (2027 has 52 ISO weeks)');
    assert.equal(reason('2027-W00'), 'week 00 does not exist (2027 has 52 ISO weeks)');
    assert.equal(reason('2026-W54'), 'week 54 does not exist (2026 has 53 ISO weeks)');
    assert.deepEqual([2015, 2020, 2026, 2027, 2032, 2037].map(isoWeeksInYear), [53, 53, 53, 52, 53, 53]);
    assert.deepEqual([2021, 2022, 2023, 2024, 2025].map(isoWeeksInYear), [52, 52, 52, 52, 52]);
  });
  it('reads an ISO date-time as its date, keeping the text as written', () => {
    for (const text of ['2026-12-04T17:00', '2026-12-04T17:00:59', '2026-12-04T17:00:05.123', '2026-12-04T17:00Z', '2026-12-04T23:30+01:00', '2026-12-04T00:15-05:00', '2026-12-04T17:00:00,5+0530', '2026-12-04t17:00z']) {
      const r = parseDateOrPeriod(` ${text} `);
      assert.ok(r.ok, text);
      assert.deepEqual([formatDay(r.value.first), formatDay(r.value.last), r.value.isPeriod, r.value.text], ['2026-12-04', '2026-12-04', false, text]);
    }
    assert.equal(reason('2027-02-30T10:00'), '2027-02-30 does not exist (February 2027 has 28 days)');
    assert.match(reason('2026-12-04T24:00'), /no such time of day/);
    assert.match(reason('2026-12-04T17:60'), /no such time of day/);
    assert.match(reason('2026-12-04T17:00+25:00'), /no such time of day/);
    assert.match(reason('2026-12-04T17'), /is not a date/);
    assert.match(reason('2026-12-04 17:00'), /is not a date/, 'a space instead of T is a human form, explained elsewhere');
  });
  it('rejects years before 1000 and never shifts a year', () => {
    for (const text of ['0999-12-31', '0099-01-01', '0001-01', '0099-Q1', '0500-H1', '0099-W10', '0999', '0099-01-01T10:00']) {
      assert.equal(reason(text), `year ${text.slice(0, 4)}: years before 1000 are not supported`, text);
    }
    assert.deepEqual(range('1000-01-01'), ['1000-01-01', '1000-01-01']);
    assert.deepEqual(range('1900-02'), ['1900-02-01', '1900-02-28'], '1900 is not a leap year');
    assert.equal(formatDay(dayFromParts(99, 1, 1)), '0099-01-01', 'Date.UTC would have made this 1999');
    assert.equal(formatDay(dayFromParts(4, 2, 29)), '0004-02-29');
    assert.equal(formatDay(dayFromParts(2027, 3, 0)), '2027-02-28', 'day 0 is the last day of the month before');
    assert.equal(dayFromParts(1970, 1, 1), 0);
    assert.equal(formatDay(-1), '1969-12-31');
  });
  it('numbers weekdays from Monday', () => {
    assert.equal(isoWeekday(0), 4, '1970-01-01 was a Thursday');
    assert.equal(isoWeekday(dayFromParts(2026, 11, 30)), 1);
    assert.equal(isoWeekday(dayFromParts(1969, 12, 28)), 7);
  });
  it('keeps the generic reason for what is not a date at all', () => {
    assert.equal(reason('soon'), "'soon' is not a date (YYYY-MM-DD) or a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-Www, YYYY)");
    assert.equal(reason('2027-13'), 'month 13 does not exist');
    assert.equal(reason('2027-Q5'), 'Q5 does not exist');
  });
});
