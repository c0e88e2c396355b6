/**
 * Bytes of a file → the text a plan parser reads, the way an editor would open it: UTF-8
 * (strict), UTF-8 with BOM, or UTF-16 LE/BE with BOM. Binary files and broken UTF-8 get a short
 * reason instead. Pure: TextDecoder only, so it runs in a browser worker too.
 */

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/** How much of the start is looked at to tell text from binary (as git does). */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes in the sniffed start, a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

export const BINARY_REASON = 'binary, not text';

export function decodePlanBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), false);
  if (looksBinary(bytes)) return { ok: false, reason: BINARY_REASON };
  try {
    // ignoreBOM: the BOMs are stripped below, every one of them.
    return { ok: true, text: stripBoms(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)) };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (byte ${firstInvalidUtf8(bytes)}): save it as UTF-8` };
  }
}

function decodeUtf16(body: Uint8Array, littleEndian: boolean): DecodeResult {
  const name = littleEndian ? 'UTF-16 LE' : 'UTF-16 BE';
  if (body.length % 2 !== 0) return { ok: false, reason: `not valid ${name} (odd number of bytes): save it as UTF-8` };
  // Big-endian is swapped by hand: not every TextDecoder knows 'utf-16be'.
  const le = littleEndian ? body : swapPairs(body);
  let text: string;
  try {
    text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
  } catch {
    return { ok: false, reason: `not valid ${name} (a lone surrogate): save it as UTF-8` };
  }
  if (text.includes('\u0000') || looksBinaryText(text)) return { ok: false, reason: BINARY_REASON };
  return { ok: true, text: stripBoms(text) };
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

/** Every leading U+FEFF: a doubled BOM (a tool that added one more) reads like a single one. */
function stripBoms(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 0xfeff) i++;
  return i ? text.slice(i) : text;
}

/** A control byte that text files do not hold: C0 except tab, LF, FF, CR; and DEL. */
function isOddControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) if (isOddControl(bytes[i])) controls++;
  return n > 0 && controls / n > MAX_CONTROL_SHARE;
}

function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) if (isOddControl(text.charCodeAt(i))) controls++;
  return n > 0 && controls / n > MAX_CONTROL_SHARE;
}

/** The 0-based offset of the first byte that does not begin a well-formed UTF-8 sequence (the file's length when all are). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i; // cut off at the end
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
