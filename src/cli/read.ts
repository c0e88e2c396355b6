/**
 * Reading one candidate file: never blocks (a FIFO put in place of a file is opened
 * non-blocking and refused), never reads more than the size limit plus one byte, and decodes
 * the bytes as an editor would (src/core/parse/decode). Failures are reasons, not exceptions.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { decodePlanBytes } from '../core/parse/decode';
import { MAX_FILE_CHARS } from '../core/parse/index';

export type ReadResult =
  | { text: string }
  /** `lenient`: the text with bad bytes replaced, to tell whether the file meant to be a plan. */
  | { error: string; lenient?: string };

/** The first bytes are read in one go up to this size; a file that grows is read on in chunks. */
const CHUNK = 64 * 1024;

export function readPlanText(abs: string, limit: number = MAX_FILE_CHARS): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait for one (0 where it does not exist).
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: `Cannot read this file: ${describeReadError(e)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { error: `Cannot read this file: it is ${specialKind(stat)}, not a regular file` };
    if (stat.size > limit) return { error: tooBig(stat.size, limit) };
    const bytes = readAtMost(fd, stat.size, limit + 1);
    if (bytes.length > limit) return { error: tooBig(Math.max(bytes.length, stat.size), limit) };
    const decoded = decodePlanBytes(bytes);
    if (decoded.ok) return { text: decoded.text };
    const lenient = decoded.reason.startsWith('not valid UTF-8') ? new TextDecoder().decode(bytes) : undefined;
    const hint = decoded.reason.startsWith('binary') ? ': a plan file must be Markdown or YAML text' : '';
    return { error: `This file is ${decoded.reason}${hint}`, lenient };
  } catch (e) {
    return { error: `Cannot read this file: ${describeReadError(e)}` };
  } finally {
    closeSync(fd);
  }
}

/** Up to `max` bytes: `expected` (the size stat gave) in one read, then on in chunks while the file has more. */
function readAtMost(fd: number, expected: number, max: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.min(max, expected + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= max) break;
      const bigger = Buffer.allocUnsafe(Math.min(max, length + CHUNK));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

function tooBig(bytes: number, limit: number): string {
  return `This file is ${(bytes / 1048576).toFixed(1)} MB, over the ${limit / 1048576} MB limit for a plan file; it was not read`;
}

/** What a path that is neither a file nor a folder is, for messages. */
export function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'a special file';
}

function describeReadError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return 'it is not a regular file';
  return code ?? (e as Error).message;
}
