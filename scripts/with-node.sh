#!/bin/sh
# Runs a command with a Node.js >= 22.18 first on PATH (Astro 7 needs 22.12;
# 22.18 runs the engine's TypeScript sources directly).
# When the system's Node is older, the official binary from the npm registry
# (package node-<os>-<arch>@22) is installed once into .tools/node and used instead.
# Nothing outside the repository is changed.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
need_major=22
need_minor=18

node_ok() {
  v=$("$1" -p 'process.versions.node' 2>/dev/null) || return 1
  major=${v%%.*}; rest=${v#*.}; minor=${rest%%.*}
  [ "$major" -gt "$need_major" ] || { [ "$major" -eq "$need_major" ] && [ "$minor" -ge "$need_minor" ]; }
}

pkg_bin=""
for d in "$root"/.tools/node/node_modules/node-*/bin; do [ -x "$d/node" ] && pkg_bin="$d"; done

if [ -n "$pkg_bin" ] && node_ok "$pkg_bin/node"; then
  PATH="$pkg_bin:$PATH"
elif ! command -v node >/dev/null 2>&1 || ! node_ok node; then
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "with-node: install Node.js >= $need_major.$need_minor yourself on $(uname -s)" >&2; exit 1 ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) echo "with-node: no Node.js package for $(uname -m); install Node.js >= $need_major.$need_minor" >&2; exit 1 ;;
  esac
  echo "with-node: system Node is older than $need_major.$need_minor; installing node-$os-$arch@$need_major into .tools/node" >&2
  mkdir -p "$root/.tools/node"
  npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$root/.tools/node" "node-$os-$arch@$need_major" >&2
  pkg_bin="$root/.tools/node/node_modules/node-$os-$arch/bin"
  node_ok "$pkg_bin/node" || { echo "with-node: the installed Node is still too old" >&2; exit 1; }
  PATH="$pkg_bin:$PATH"
fi
export PATH
[ "$#" -gt 0 ] || exit 0
exec "$@"
