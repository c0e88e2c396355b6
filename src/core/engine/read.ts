/** Host bytes or text → what a parser reads, or the reason shown on the file (as the CLI's reader words it). */
import { decodePlanBytes } from '../parse/decode';
import { MAX_FILE_CHARS } from '../parse/index';
import { isReadFailure, type EngineHost, type ReadFailure } from './host';

export type ReadResult = { text: string } | ReadFailure;

export async function readPlan(host: EngineHost, path: string): Promise<ReadResult> {
  let content: Uint8Array | string | ReadFailure;
  try {
    content = await host.readFile(path);
  } catch (e) {
    return { error: `Cannot read this file: ${describeReadError(e)}` };
  }
  if (typeof content === 'string') return { text: content };
  if (isReadFailure(content)) return content;
  return decodeBytes(content);
}

export function decodeBytes(bytes: Uint8Array, limit: number = MAX_FILE_CHARS): ReadResult {
  if (bytes.length > limit) return { error: `This file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${limit / 1048576} MB limit for a plan file; it was not read` };
  const decoded = decodePlanBytes(bytes);
  if (decoded.ok) return { text: decoded.text };
  const lenient = decoded.reason.startsWith('not valid UTF-8') ? new TextDecoder().decode(bytes) : undefined;
  const hint = decoded.reason.startsWith('binary') ? ': a plan file must be Markdown or YAML text' : '';
  return { error: `This file is ${decoded.reason}${hint}`, lenient };
}

/** Node's and VS Code's error codes in words. */
export function describeReadError(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code;
  if (code === 'ENOENT' || code === 'FileNotFound') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM' || code === 'NoPermissions') return 'permission denied';
  if (code === 'EISDIR' || code === 'FileIsADirectory') return 'it is a folder';
  return code ?? (e as Error)?.message ?? String(e);
}
