/**
 * Plan text (titles, ids, file names) must never reach a terminal raw: an escape sequence in a
 * title could recolour, move the cursor or forge a diagnostic line. Text outputs show C0/C1
 * controls, DEL and the Unicode line/paragraph separators in a visible escaped form.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

/** `\u001b` → `\x1b`, a newline → `\n`, U+2028 → `\u2028`: one line, no terminal control. */
export function visible(text: string): string {
  return text.replace(CONTROLS, (c) => NAMED[c] ?? (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls and U+2028/9 raw; in a JSON
 * text they can only be inside strings, where `\uXXXX` means the same character.
 */
export function jsonVisible(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${hex(c, 4)}`);
}
