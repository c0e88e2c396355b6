import assert from 'node:assert/strict';
import { decodePlanBytes, firstInvalidUtf8 } from '../../src/core/parse/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

describe('decodePlanBytes', () => {
  const plan = '---\ntype: project\n---\n## Milestone: Café ☕ 🚀 {#m due=2027-01-01}\n';

  it('reads UTF-8 as is, and an empty file as empty text', () => {
    assert.deepEqual(decodePlanBytes(utf8(plan)), { ok: true, text: plan });
    assert.deepEqual(decodePlanBytes(new Uint8Array(0)), { ok: true, text: '' });
  });

  it('strips a UTF-8 BOM, and every one of a doubled BOM', () => {
    assert.deepEqual(decodePlanBytes(bytes([0xef, 0xbb, 0xbf], utf8(plan))), { ok: true, text: plan });
    assert.deepEqual(decodePlanBytes(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8(plan))), { ok: true, text: plan });
    assert.deepEqual(decodePlanBytes(utf8('a\ufeffb')), { ok: true, text: 'a\ufeffb' }, 'a BOM inside the text stays');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    assert.deepEqual(decodePlanBytes(utf16(plan, true)), { ok: true, text: plan });
    assert.deepEqual(decodePlanBytes(utf16(plan, false)), { ok: true, text: plan });
    assert.deepEqual(decodePlanBytes(utf16('\ufeff' + plan, true)), { ok: true, text: plan }, 'doubled BOM in UTF-16');
  });

  it('rejects broken UTF-16 with a reason', () => {
    const odd = utf16(plan, true).subarray(0, 9);
    assert.deepEqual(decodePlanBytes(odd), { ok: false, reason: 'not valid UTF-16 LE (odd number of bytes): save it as UTF-8' });
    assert.deepEqual(decodePlanBytes(bytes([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])), { ok: false, reason: 'not valid UTF-16 LE (a lone surrogate): save it as UTF-8' });
  });

  it('names the first invalid byte of broken UTF-8 (0-based offset)', () => {
    const latin1 = bytes(utf8('title: Caf'), [0xe9], utf8('\n'));
    assert.deepEqual(decodePlanBytes(latin1), { ok: false, reason: 'not valid UTF-8 (byte 10): save it as UTF-8' });
    assert.equal(firstInvalidUtf8(bytes([0x41, 0xc0, 0x80])), 1, 'overlong');
    assert.equal(firstInvalidUtf8(bytes([0x41, 0xed, 0xa0, 0x80])), 1, 'an encoded surrogate');
    assert.equal(firstInvalidUtf8(bytes([0x41, 0xe2, 0x82])), 1, 'cut off at the end');
    assert.equal(firstInvalidUtf8(bytes([0x41, 0xf0, 0x9f, 0x9a, 0x41])), 1, 'a 4-byte sequence cut short');
    assert.equal(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
    assert.equal(firstInvalidUtf8(utf8(plan)), utf8(plan).length, 'valid: the length');
  });

  it('calls NUL bytes and control-heavy starts binary, but not tabs, CR, FF or a stray escape', () => {
    assert.deepEqual(decodePlanBytes(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), { ok: false, reason: 'binary, not text' });
    assert.deepEqual(decodePlanBytes(bytes(utf8('a'.repeat(20000)), [0])), { ok: false, reason: 'binary, not text' }, 'a NUL anywhere');
    const controls = Uint8Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41));
    assert.deepEqual(decodePlanBytes(controls), { ok: false, reason: 'binary, not text' });
    const text = 'id:\tx\r\n\f' + 'title: \u001b[31mred\u001b[0m and more words to make it a normal line of text\n';
    assert.deepEqual(decodePlanBytes(utf8(text)), { ok: true, text });
    assert.deepEqual(decodePlanBytes(bytes([0xff, 0xfe], [0x41, 0, 0, 0])), { ok: false, reason: 'binary, not text' }, 'NUL in UTF-16 text');
  });
});
