/**
 * The part of the built-in Git extension's API (`vscode.git`, API version 1) drift reads; the
 * shapes follow its published git.d.ts. Declared here, as extensions do, not imported.
 */
import type * as vscode from 'vscode';

export interface GitCommit {
  hash: string;
  commitDate?: Date;
}

export interface GitChange {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly renameUri: vscode.Uri | undefined;
  readonly status: number;
}

export interface GitRef {
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
  readonly remote?: string;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: { readonly commit?: string; readonly name?: string } | undefined; readonly refs?: GitRef[]; readonly onDidChange: vscode.Event<void> };
  getCommit(ref: string): Promise<GitCommit>;
  show(ref: string, path: string): Promise<string>;
  diffWith(ref: string): Promise<GitChange[]>;
  log(options?: { maxEntries?: number }): Promise<GitCommit[]>;
  getRefs?(query?: object): Promise<GitRef[]>;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** Git ref types in the API: 0 HEAD (a branch), 1 remote head, 2 tag. */
export const REF_TYPE = { head: 0, remoteHead: 1, tag: 2 } as const;
