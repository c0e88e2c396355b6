import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDay, parseDateOrPeriod } from '../../src/core/dates';
import { explainDate, type DateExplanation } from '../../src/core/human-dates';
import type { Problem } from '../../src/core/model/types';
import type { ResolvedWorkspace } from '../../src/core/model/workspace';
import { invalidDate } from '../../src/core/rules/invalid-date';

const SPAN = { start: 10, end: 20 };

function day(text: string): number {
  const r = parseDateOrPeriod(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value.first;
}

/** Message and fix texts, or the kind when there are none: compact and exact. */
function explain(text: string, today?: string): { message: string; fixes: string[] } | DateExplanation['kind'] | undefined {
  const e = explainDate(text, SPAN, today === undefined ? undefined : day(today));
  if (e?.kind !== 'readings') return e?.kind;
  for (const f of e.fixes) {
    assert.deepEqual(f.span, SPAN);
    assert.equal(f.title, `Write ${f.text}`);
  }
  return { message: e.message, fixes: e.fixes.map((f) => f.text) };
}

/** Just the fix texts (or the kind, when there are none). */
function fix(text: string, today: string) {
  const e = explain(text, today);
  return typeof e === 'object' ? e.fixes : e;
}

function readAs(text: string, canonical: string, how: string) {
  return assert.deepEqual(explain(text), { message: `'${text}' is read as ${canonical}: write ${how}`, fixes: [canonical] }, text);
}

describe('human dates: what a recognisable non-canonical date is read as', () => {
  it('reads numeric and named dates with a year', () => {
    for (const text of ['2026/12/04', '2026-12-4', '2026.12.04', '4 Dec 2026', 'Dec 4, 2026', 'December 4 2026', '4 December 2026', 'Dec. 4th, 2026', '4th of December 2026', 'Friday, Dec 4, 2026', '2026-12-04 17:00']) {
      readAs(text, '2026-12-04', 'dates as YYYY-MM-DD');
    }
    assert.deepEqual(explain(' 4 Dec 2026 '), { message: "'4 Dec 2026' is read as 2026-12-04: write dates as YYYY-MM-DD", fixes: ['2026-12-04'] });
  });

  it('reads European dotted dates day first', () => {
    readAs('04.12.2026', '2026-12-04', 'dates as YYYY-MM-DD');
    readAs('4.2.2027', '2027-02-04', 'dates as YYYY-MM-DD');
  });

  it('offers both readings of an ambiguous numeric date, or the one that exists', () => {
    assert.deepEqual(explain('12/04/2026'), {
      message: "'12/04/2026' is ambiguous: 2026-12-04 (4 December) or 2026-04-12 (12 April)",
      fixes: ['2026-12-04', '2026-04-12'],
    });
    assert.deepEqual(explain('1-2-2027'), { message: "'1-2-2027' is ambiguous: 2027-01-02 (2 January) or 2027-02-01 (1 February)", fixes: ['2027-01-02', '2027-02-01'] });
    readAs('25/04/2026', '2026-04-25', 'dates as YYYY-MM-DD');
    readAs('04/25/2026', '2026-04-25', 'dates as YYYY-MM-DD');
    readAs('04/04/2026', '2026-04-04', 'dates as YYYY-MM-DD');
    readAs('29/02/2028', '2028-02-29', 'dates as YYYY-MM-DD');
    assert.equal(explain('29/02/2027'), undefined, 'neither reading exists');
    assert.equal(explain('12/04/26'), undefined, 'a two-digit year is not read');
  });

  it('reads quarters, halves, months and ISO weeks', () => {
    for (const text of ['Q1 2027', '2027 Q1', 'q1-2027', '2027q1', 'Q1/2027']) readAs(text, '2027-Q1', 'quarters as YYYY-Qn');
    readAs('H2 2027', '2027-H2', 'halves as YYYY-Hn');
    readAs('2027 h1', '2027-H1', 'halves as YYYY-Hn');
    for (const text of ['Jan 2027', 'January 2027', 'jan 2027', '2027/01', '2027-1', '01/2027', '1.2027']) readAs(text, '2027-01', 'months as YYYY-MM');
    for (const text of ['2027/W10', '2027 W10', '2027W10', '2027 week 10', 'W10 2027', 'wk 10, 2027']) readAs(text, '2027-W10', 'weeks as YYYY-Www');
    readAs('2026 W53', '2026-W53', 'weeks as YYYY-Www');
    readAs('2027/w1', '2027-W01', 'weeks as YYYY-Www');
  });

  it('does not explain what does not exist or is not a date', () => {
    for (const text of ['Feb 30 2027', '31 Apr 2027', '2027/02/30', '2027 W53', 'W0 2027', 'Q5 2027', 'H3 2027', '2027/13', '13/14/2027', 'Feb 30', '13/14', 'soon', 'TBD', 'mid December', 'this week', 'by friday', 'Dec 4 2026 to Dec 8 2026', '', '   ', '42']) {
      assert.equal(explain(text, '2026-11-27'), undefined, text);
      assert.equal(explain(text), undefined, text);
    }
  });

  it('explains nothing for canonical text, and never offers a year before 1000', () => {
    for (const text of ['2026-12-04', '2027-Q1', '2027-W10', '2026-12-04T17:00Z']) assert.equal(explain(text), undefined, text);
    for (const text of ['0999/12/04', 'Dec 4, 0999', 'Q1 0999', '0999 W10']) assert.equal(explain(text), undefined, text);
  });
});

describe('human dates that depend on today', () => {
  it('asks for today when the year is missing, then takes the nearest year', () => {
    assert.equal(explain('Dec 4'), 'needs-today');
    assert.deepEqual(explain('Dec 4', '2026-11-27'), {
      message: "'Dec 4' has no year: read as 2026-12-04, the nearest to today (2026-11-27); write dates as YYYY-MM-DD",
      fixes: ['2026-12-04'],
    });
    assert.deepEqual(explain('4 December', '2027-06-01'), {
      message: "'4 December' has no year: read as 2026-12-04, the nearest to today (2027-06-01); write dates as YYYY-MM-DD",
      fixes: ['2026-12-04'],
    });
  });

  it('crosses the new year to the nearest date', () => {
    assert.deepEqual(fix('Jan 5', '2026-12-20'), ['2027-01-05']);
    assert.deepEqual(fix('Dec 28', '2027-01-03'), ['2026-12-28']);
    assert.deepEqual(fix('Jul 1', '2027-01-01'), ['2027-07-01'], '181 days ahead, 184 back');
    assert.deepEqual(fix('Dec 31', '2027-07-02'), ['2027-12-31'], '182 days ahead, 183 back');
    assert.deepEqual(fix('Mar 1', '2027-08-31'), ['2028-03-01'], '183 days either way (2028 is a leap year): the later one');
  });

  it('takes the nearest existing 29 February', () => {
    assert.equal(explain('Feb 29'), 'needs-today');
    assert.deepEqual(fix('Feb 29', '2026-11-27'), ['2028-02-29']);
    assert.deepEqual(fix('29 Feb', '2025-01-10'), ['2024-02-29']);
  });

  it('offers both nearest readings of an ambiguous day without a year', () => {
    assert.equal(explain('12/04'), 'needs-today');
    assert.deepEqual(explain('12/04', '2026-11-27'), {
      message: "'12/04' is ambiguous and has no year: 2026-12-04 (4 December) or 2027-04-12 (12 April), the nearest to today (2026-11-27)",
      fixes: ['2026-12-04', '2027-04-12'],
    });
    assert.deepEqual(explain('25/12', '2026-11-27'), {
      message: "'25/12' has no year: read as 2026-12-25, the nearest to today (2026-11-27); write dates as YYYY-MM-DD",
      fixes: ['2026-12-25'],
    });
  });

  it('reads relative words as the date they mean today, and says a plan must not change overnight', () => {
    const today = '2026-11-27'; // a Friday
    const cases: [string, string][] = [
      ['today', '2026-11-27'], ['tomorrow', '2026-11-28'], ['yesterday', '2026-11-26'], ['next week', '2026-12-04'],
      ['in 2 weeks', '2026-12-11'], ['end of month', '2026-11-30'], ['monday', '2026-11-30'], ['in 3 days', '2026-11-30'],
    ];
    for (const [text, date] of cases) {
      assert.equal(explain(text), 'needs-today', text);
      assert.deepEqual(explain(text, today), { message: `'${text}' changes meaning every day: on ${today} it is ${date}; write the date`, fixes: [date] }, text);
    }
    assert.deepEqual(explain('next month', today), { message: "'next month' changes meaning over time: on 2026-11-27 it is 2026-12; write the month", fixes: ['2026-12'] });
    assert.deepEqual(explain('next year', today), { message: "'next year' changes meaning over time: on 2026-11-27 it is 2027; write the year", fixes: ['2027'] });
    assert.deepEqual(explain('next week', '2026-12-30'), { message: "'next week' changes meaning every day: on 2026-12-30 it is 2027-01-06; write the date", fixes: ['2027-01-06'] });
  });

  it('does not depend on the time zone of the machine', () => {
    // The reference instant is noon UTC read in UTC; a day must not move with the local zone.
    const e = explainDate('tomorrow', SPAN, day('2026-12-31'));
    assert.deepEqual(e?.kind === 'readings' && e.fixes.map((f) => f.text), ['2027-01-01']);
  });
});

describe('human dates: cost and soundness', () => {
  it('returns at once for a huge value', () => {
    const huge = 'next week '.repeat(1024);
    const hugeDigits = '1/'.repeat(5000) + '2027';
    const start = performance.now();
    assert.equal(explainDate(huge, SPAN), undefined);
    assert.equal(explainDate(huge, SPAN, day('2026-11-27')), undefined);
    assert.equal(explainDate(hugeDigits, SPAN), undefined);
    assert.equal(parseDateOrPeriod(hugeDigits).ok, false);
    assert.ok(performance.now() - start < 50, `took ${performance.now() - start} ms`);
  });

  it('every fix it offers is canonical text that parses', () => {
    const words = ['Dec', 'December', '4', '4th', '2026', '0999', 'Q1', 'h2', 'W10', 'week', '/', '-', '.', ',', ' ', '12', '31', 'next', 'in', '2', 'weeks', 'tomorrow', 'Feb', '29', '30', 'of'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 6 }), fc.integer({ min: 0, max: 30_000 }), (parts, today) => {
        const e = explainDate(parts.join(''), SPAN, today);
        if (e?.kind === 'needs-today') return false; // with today given, never asks for it
        for (const f of e?.fixes ?? []) if (!parseDateOrPeriod(f.text).ok || f.text !== f.text.trim()) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('reads any day written as "D Month YYYY" back as that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1000-01-01'), max: day('9999-12-31') }), (d) => {
        const iso = formatDay(d);
        const [y, m, dd] = iso.split('-').map(Number);
        const text = `${dd} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
        const e = explainDate(text, SPAN);
        return e?.kind === 'readings' && e.fixes.length === 1 && e.fixes[0].text === iso;
      }),
      { numRuns: 200 },
    );
  });
});

describe('invalid-date rule: completing readings that depend on today', () => {
  function check(problems: Problem[], today: string) {
    const ws = { files: [{ path: 'p.project.md', problems }] } as unknown as ResolvedWorkspace;
    return invalidDate.check({ ws, today: day(today), riskWindowDays: 14 });
  }

  it('writes the message and fixes for today', () => {
    const fixSpan = { start: 40, end: 49 };
    const problem: Problem = {
      rule: 'invalid-date', span: { start: 35, end: 49 }, item: 'beta', message: "Invalid due on milestone 'Beta': 'next week' is not a date",
      relativeDate: { text: 'next week', field: 'due', itemLabel: "milestone 'Beta'", fixSpan },
    };
    assert.deepEqual(check([problem], '2026-11-27'), [{
      file: 'p.project.md', span: { start: 35, end: 49 }, item: 'beta',
      message: "Invalid due on milestone 'Beta': 'next week' changes meaning every day: on 2026-11-27 it is 2026-12-04; write the date",
      fixes: [{ title: 'Write 2026-12-04', span: fixSpan, text: '2026-12-04' }],
    }]);
  });

  it('forwards every other problem as the parser wrote it, and only invalid-date ones', () => {
    const fixes = [{ title: 'Write 2026-12-04', span: { start: 1, end: 2 }, text: '2026-12-04' }];
    const problems: Problem[] = [
      { rule: 'invalid-date', span: { start: 1, end: 2 }, message: 'Invalid due on A: 2027-02-30 does not exist', item: 'a' },
      { rule: 'invalid-date', span: { start: 1, end: 2 }, message: "Invalid due on A: 'Dec 4, 2026' is read as 2026-12-04", fixes },
      { rule: 'invalid-value', span: { start: 3, end: 4 }, message: 'not mine' },
    ];
    assert.deepEqual(check(problems, '2026-11-27'), [
      { file: 'p.project.md', span: { start: 1, end: 2 }, message: 'Invalid due on A: 2027-02-30 does not exist', item: 'a', fixes: undefined },
      { file: 'p.project.md', span: { start: 1, end: 2 }, message: "Invalid due on A: 'Dec 4, 2026' is read as 2026-12-04", item: undefined, fixes },
    ]);
  });
});
