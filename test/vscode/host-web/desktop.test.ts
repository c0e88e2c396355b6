/** The desktop phase: the same test extension and Roadmark's `main` entry in the Node extension host. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('Node extension host', () => {
  it('runs in the Node extension host, and Roadmark (its main entry) in this same host', async () => {
    assert.equal(typeof process, 'object');
    const ext = vscode.extensions.getExtension('roadmark.roadmark');
    assert.ok(ext, 'Roadmark is installed');
    const api = await ext.activate() as { activationMs?: number } | undefined;
    assert.ok(api && typeof api.activationMs === 'number', 'its exports are reachable: same extension host');
  });
});
