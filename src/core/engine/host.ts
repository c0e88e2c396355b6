/**
 * What the engine needs from its host (the shape of vscode-markdown-languageservice's
 * `IWorkspace`): list a folder, stat a path, read a file, optionally watch. Paths are host
 * strings with `/` separators: absolute paths for the CLI, workspace-relative ones in the
 * editor, anything a browser host likes. Every method may answer synchronously or with a promise.
 */

export type MaybePromise<T> = T | Promise<T>;

/** A symbolic link is reported as what it points at; a dangling one as `other`. */
export type EntryType = 'file' | 'directory' | 'other';

/** A file the host could not read, with the reason shown on it. */
export interface ReadFailure {
  error: string;
  /** The text with bad bytes replaced, to tell whether a non-UTF-8 file meant to be a plan. */
  lenient?: string;
}

export interface EngineHost {
  /** Undefined (or a throw) when the path does not exist. Follows symbolic links. */
  stat(path: string): MaybePromise<{ type: EntryType } | undefined>;
  /** The entries of a folder: names and types. A throw skips the folder. */
  readDirectory(path: string): MaybePromise<[name: string, type: EntryType][]>;
  /**
   * Bytes (decoded by the engine as an editor would), text (already decoded: an open
   * document's unsaved text, say), or a failure. A throw becomes "Cannot read this file".
   */
  readFile(path: string): MaybePromise<Uint8Array | string | ReadFailure>;
  /** The canonical path of a folder, so that link loops end; without it the walk stops at a fixed depth. */
  realPath?(path: string): MaybePromise<string>;
  /** Calls back with changed (created, edited, deleted) paths; the host passes them to `PlanEngine.update`. */
  watch?(onChange: (changed: string[], removed: string[]) => void): { dispose(): void };
}

export function isReadFailure(value: unknown): value is ReadFailure {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && typeof (value as ReadFailure).error === 'string';
}
