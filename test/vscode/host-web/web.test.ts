/** Where these suites run: the browser's web worker extension host, with Roadmark's `browser` entry. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { note } from '../suite/util';

describe('web worker extension host', () => {
  it('runs in a web worker: importScripts, no process, no require of Node built-ins', () => {
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function');
    assert.equal(typeof process, 'undefined');
    assert.equal(typeof (globalThis as { Buffer?: unknown }).Buffer, 'undefined');
  });

  it('Roadmark is installed with a browser entry and runs in this same host', async () => {
    const ext = vscode.extensions.getExtension('roadmark.roadmark');
    assert.ok(ext, 'Roadmark is installed');
    assert.equal(ext.packageJSON.browser, './dist/web/extension.js');
    note(`Roadmark's extensionKind here: ${vscode.ExtensionKind[ext.extensionKind]}`);
    const api = await ext.activate() as { activationMs?: number } | undefined;
    assert.ok(api && typeof api.activationMs === 'number', 'its exports are reachable: same extension host');
  });

  it('the workspace is reached through workspace.fs (not a file: URI)', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    assert.notEqual(folder.uri.scheme, 'file');
  });
});
