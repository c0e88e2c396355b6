import assert from 'node:assert/strict';
import { buildTimelineView } from '../../src/core/outline/timeline';
import { checkReschedule, decodeBase64, isPngDataUrl, isSvgDocument, parseDay, parseWebviewMessage, MAX_ID, MAX_SVG, type WebviewMessage } from '../../src/protocol/messages';
import { drawTimeline } from '../../src/render/svg';
import { layout, visibleRows } from '../../src/render/layout';
import { day, workspace } from './helpers';

/** A tiny but complete PNG (1×1), as the canvas would export it. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const FILES = {
  'r.roadmap.md': '---\ntype: roadmap\nid: r\n---\n## Initiative: Line {#line target=2027-Q1}\n',
  'p.project.md': '---\ntype: project\nid: p\ndelivers: line\nstart: 2026-10-01\nend: 2027-03-15\n---\n## Milestone: Pilot {#pilot start=2026-11-01 due=2027-01-31}\n## Milestone: Contract {#contract due=2026-11-15}\n',
};

function model() {
  return buildTimelineView(workspace(FILES), { today: day('2026-11-23') });
}

function rowOf(title: string) {
  const row = model().rows.find((r) => r.title === title);
  assert.ok(row, title);
  return row;
}

describe('webview messages', () => {
  it('accepts each well-formed message, keeping only its own fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'options', tasks: false }), { type: 'options', tasks: false });
    assert.deepEqual(parseWebviewMessage({ type: 'open', rowId: 'p#1', generation: 4 }), { type: 'open', rowId: 'p#1', generation: 4 });
    assert.deepEqual(parseWebviewMessage({ type: 'open', rowId: 'p#1' }), { type: 'open', rowId: 'p#1' });
    assert.deepEqual(parseWebviewMessage({ type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-02-28', generation: 0 }), { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-02-28', generation: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'png', data: PNG }), { type: 'export', format: 'png', data: PNG });
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><style>a > b { fill: red }</style><g class="row"><text>R&amp;D</text></g><rect/></svg>\n';
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'svg', data: svg }), { type: 'export', format: 'svg', data: svg });
  });

  const rejected: [string, unknown][] = [
    ['null', null], ['a string', 'ready'], ['an array', [{ type: 'ready' }]], ['a number', 1],
    ['no type', { rowId: 'p#1' }], ['an unknown type', { type: 'eval', code: '1' }], ['type from the prototype', Object.create({ type: 'ready' })],
    ['a type naming an Object.prototype key', { type: 'constructor' }], ['type __proto__', { type: '__proto__' }], ['type toString', { type: 'toString' }],
    ['an extra field', { type: 'ready', extra: 1 }], ['an extra field on reschedule', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-01-02', extra: 1 }],
    ['an own __proto__ key', JSON.parse('{"type":"open","rowId":"p#1","__proto__":{"generation":1}}')],
    ['an own constructor key', { type: 'open', rowId: 'p#1', constructor: 'x' }],
    ['a symbol key', { type: 'ready', [Symbol('x')]: 1 }],
    ['a class instance', new (class { type = 'ready'; })()],
    ['options: tasks not a boolean', { type: 'options', tasks: 'yes' }],
    ['open: no rowId', { type: 'open' }], ['open: rowId a number', { type: 'open', rowId: 5 }], ['open: empty rowId', { type: 'open', rowId: '' }],
    ['open: huge rowId', { type: 'open', rowId: 'x'.repeat(MAX_ID + 1) }],
    ['open: generation a string', { type: 'open', rowId: 'p#1', generation: '3' }], ['open: negative generation', { type: 'open', rowId: 'p#1', generation: -1 }],
    ['open: fractional generation', { type: 'open', rowId: 'p#1', generation: 1.5 }], ['open: NaN generation', { type: 'open', rowId: 'p#1', generation: Number.NaN }],
    ['reschedule: unknown field', { type: 'reschedule', rowId: 'p#1', field: 'status', date: '2027-01-02' }],
    ['reschedule: field __proto__', { type: 'reschedule', rowId: 'p#1', field: '__proto__', date: '2027-01-02' }],
    ['reschedule: short date', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-1-2' }],
    ['reschedule: a period', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-Q1' }],
    ['reschedule: a day that does not exist', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-02-30' }],
    ['reschedule: month 13', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-13-01' }],
    ['reschedule: year 0001', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '0001-01-01' }],
    ['reschedule: year 0999', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '0999-12-31' }],
    ['reschedule: trailing junk', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-01-02x' }],
    ['reschedule: padded', { type: 'reschedule', rowId: 'p#1', field: 'due', date: ' 2027-01-02' }],
    ['reschedule: date a number', { type: 'reschedule', rowId: 'p#1', field: 'due', date: 20270102 }],
    ['reschedule: huge date', { type: 'reschedule', rowId: 'p#1', field: 'due', date: '2027-01-02'.repeat(100_000) }],
    ['export: unknown format', { type: 'export', format: 'gif', data: PNG }],
    ['export: svg that is html', { type: 'export', format: 'svg', data: '<html></html>' }],
    ['export: svg with text after the root', { type: 'export', format: 'svg', data: '<svg></svg>trailing' }],
    ['export: svg not closed', { type: 'export', format: 'svg', data: '<svg><g></svg>' }],
    ['export: svg with two roots', { type: 'export', format: 'svg', data: '<svg></svg><svg></svg>' }],
    ['export: svg with a script', { type: 'export', format: 'svg', data: '<svg><script>alert(1)</script></svg>' }],
    ['export: svg with an event handler', { type: 'export', format: 'svg', data: '<svg onload="alert(1)"></svg>' }],
    ['export: svg with a DOCTYPE', { type: 'export', format: 'svg', data: '<!DOCTYPE svg [<!ENTITY a "b">]><svg></svg>' }],
    ['export: svg too big', { type: 'export', format: 'svg', data: `<svg>${' '.repeat(MAX_SVG)}</svg>` }],
    ['export: png without the data URL prefix', { type: 'export', format: 'png', data: PNG.slice('data:image/png;base64,'.length) }],
    ['export: png as javascript', { type: 'export', format: 'png', data: 'javascript:1' }],
    ['export: png with a foreign character', { type: 'export', format: 'png', data: PNG.replace('KGgo', 'KG*o') }],
    ['export: png with a space', { type: 'export', format: 'png', data: PNG.replace('KGgo', 'KG go') }],
    ['export: png with padding inside', { type: 'export', format: 'png', data: PNG.replace('KGgo', 'KG==AAAA') }],
    ['export: png with a bad length', { type: 'export', format: 'png', data: PNG.slice(0, -3) + '=' }],
    ['export: png missing its padding', { type: 'export', format: 'png', data: PNG.slice(0, -2) }],
    ['export: png with set padding bits', { type: 'export', format: 'png', data: PNG.slice(0, -3) + 'h==' }],
    ['export: png truncated (no IEND)', { type: 'export', format: 'png', data: PNG.slice(0, 80) }],
    ['export: base64 of something else', { type: 'export', format: 'png', data: 'data:image/png;base64,' + Buffer.from('GIF89a not a png at all, but long enough').toString('base64') }],
    ['export: data not a string', { type: 'export', format: 'png', data: 42 }],
  ];
  for (const [what, message] of rejected) {
    it(`rejects ${what}`, () => assert.equal(parseWebviewMessage(message), undefined));
  }

  it('decodes canonical base64 only', () => {
    assert.deepEqual(decodeBase64('TWFu'), [77, 97, 110]);
    assert.deepEqual(decodeBase64('TWE='), [77, 97]);
    assert.deepEqual(decodeBase64('TQ=='), [77]);
    assert.equal(decodeBase64('TR=='), undefined);
    assert.equal(decodeBase64('TQ==TWFu'), undefined);
    assert.equal(decodeBase64('TWF'), undefined);
    assert.equal(isPngDataUrl(PNG), true);
  });

  it('reads real days in years 1000–9999 only', () => {
    assert.equal(parseDay('2027-02-28'), day('2027-02-28'));
    assert.equal(parseDay('2028-02-29'), day('2028-02-29'));
    for (const bad of ['2027-02-29', '0001-01-01', '0999-12-31', '2027-00-10', '2027-04-31', '2027-Q1']) assert.equal(parseDay(bad), undefined, bad);
    assert.equal(parseDay('1000-01-01'), day('1000-01-01'));
    assert.equal(parseDay('9999-12-31'), day('9999-12-31'));
  });

  it('the whole timeline exported by the webview renderer is a valid SVG document', () => {
    const view = model();
    const svg = drawTimeline(view, layout(view, visibleRows(view, {}, new Set()), 'month'), undefined, { style: 'a > b { fill: red }' });
    assert.equal(isSvgDocument(svg), true);
  });
});

describe('reschedule against the model it was made on', () => {
  const G = 7;
  const drag = (rowId: string, field: string, date: string, generation: number | 'none' = G) =>
    parseWebviewMessage({ type: 'reschedule', rowId, field, date, ...(generation === 'none' ? {} : { generation }) }) as Extract<WebviewMessage, { type: 'reschedule' }>;

  it('accepts the field the row owns, to a real day', () => {
    const pilot = rowOf('Pilot');
    const check = checkReschedule(drag(pilot.id, 'due', '2027-02-15'), model(), G, G);
    assert.ok(check.ok);
    assert.deepEqual([check.row.id, check.field, check.day], [pilot.id, 'due', day('2027-02-15')]);
    assert.ok(checkReschedule(drag(pilot.id, 'start', '2026-11-10'), model(), G, G).ok, 'a milestone bar with a start may move its start');
    assert.ok(checkReschedule(drag(rowOf('p').id, 'end', '2027-04-01'), model(), G, G).ok);
  });

  it('refuses a field the row does not own: end= on a milestone, due on a project, start without a start bar', () => {
    const refused = (title: string, field: string) => {
      const check = checkReschedule(drag(rowOf(title).id, field, '2027-02-15'), model(), G, G);
      assert.deepEqual(check.ok ? 'accepted' : [check.stale, check.reason.includes(field)], [false, true], `${field} on ${title}`);
    };
    refused('Pilot', 'end');
    refused('Pilot', 'target');
    refused('p', 'due');
    refused('Contract', 'start');
    refused('Line', 'start');
    refused('Line', 'due');
  });

  it('refuses, as stale, a drag made on another generation, or with none, or when the index moved on', () => {
    const pilot = rowOf('Pilot');
    for (const [message, modelGen, indexGen] of [[drag(pilot.id, 'due', '2027-02-15', G - 1), G, G], [drag(pilot.id, 'due', '2027-02-15', 'none'), G, G], [drag(pilot.id, 'due', '2027-02-15'), G, G + 1]] as const) {
      const check = checkReschedule(message, model(), modelGen, indexGen);
      assert.deepEqual(check.ok ? 'accepted' : check.stale, true);
    }
    const none = checkReschedule(drag(pilot.id, 'due', '2027-02-15'), undefined, undefined, G);
    assert.deepEqual(none.ok ? 'accepted' : none.stale, true);
  });

  it('refuses an unknown row', () => {
    const check = checkReschedule(drag('__proto__', 'due', '2027-02-15'), model(), G, G);
    assert.deepEqual(check.ok ? 'accepted' : check.stale, false);
  });
});
