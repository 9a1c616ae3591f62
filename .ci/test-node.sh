#!/usr/bin/env bash
# Builds and runs the vitest suite under another Node line:
#   npm run test:node -- 22                 (or: bash .ci/test-node.sh 24 test/engine --bail 1)
# The Node binary is npm's node-<platform>-<arch> package (the official build, no install
# script), installed once per line into ${TITRATE_NODE_CACHE:-~/.cache/titrate-node}/<line>.
# TITRATE_NODE_UPDATE=1 reinstalls (to take a newer patch release). Afterwards dist/ is rebuilt
# with the Node that called this script, since the V8 code cache only fits the Node that made it.
set -euo pipefail
line=${1:?usage: .ci/test-node.sh <major, e.g. 22> [vitest args...]}
shift
[[ $line =~ ^[0-9]+$ ]] || { echo "test-node: give a major version, e.g. 22 (got '$line')" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${TITRATE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/titrate-node}/$line
host_node=$(command -v node)

platform=$(node -p '({ win32: "win" })[process.platform] ?? process.platform')
arch=$(node -p 'process.arch')
pkg=node-$platform-$arch
bin=$cache/node_modules/$pkg/bin/node

if [[ ${TITRATE_NODE_UPDATE:-} == 1 || ! -x $bin ]] || ! "$bin" -v 2>/dev/null | grep -q "^v$line\."; then
  echo "test-node: installing $pkg@$line into $cache" >&2
  mkdir -p "$cache"
  [[ -f $cache/package.json ]] || echo '{ "private": true }' > "$cache/package.json"
  npm install --prefix "$cache" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$pkg@$line" >/dev/null
fi

# First on PATH: `npm run`'s scripts, vitest and its workers, and every child that calls `node`
# (the tests spawn bin/titrate.js with process.execPath) all get this Node.
export PATH="$(dirname "$bin"):$PATH"
export TITRATE_NODE_LINE=$line
echo "test-node: $(node -v) at $(command -v node)" >&2

cd "$root"
restore() { PATH="$(dirname "$host_node"):$PATH" npm run --silent build >/dev/null || true; }
trap restore EXIT
npm test -- "$@"
