#!/usr/bin/env bash
# Packs the WebGPU benchmark for a machine with a real GPU that has no network and maybe no
# Node: the bench bundled into one file by esbuild, Node 22 (xz), Dawn's dawn.node and the
# Vulkan loader. The pack goes to engine/.gpu-pack (ignored); run-on-gpu-host.sh runs it there.
# Usage (from the repository root): bash engine/bench/pack-for-gpu-host.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pack="$root/engine/.gpu-pack"
rm -rf "$pack"
mkdir -p "$pack/node_modules/webgpu/dist/linux-x64"
sh "$root/scripts/with-node.sh" "$root/node_modules/.bin/esbuild" "$root/engine/bench/run.ts" \
  --bundle --platform=node --format=esm --target=node22 --outfile="$pack/run.mjs" \
  --external:webgpu --log-level=warning \
  --banner:js="import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
cp "$root/node_modules/webgpu/index.js" "$root/node_modules/webgpu/package.json" "$pack/node_modules/webgpu/"
xz -T0 -6 -c "$root/node_modules/webgpu/dist/linux-x64/dawn.node" > "$pack/node_modules/webgpu/dist/linux-x64/dawn.node.xz"
node_bin=$(sh "$root/scripts/with-node.sh" node -p 'process.execPath')
xz -T0 -6 -c "$node_bin" > "$pack/node.xz"
[ -f /usr/lib/chromium/libvulkan.so.1 ] && cp /usr/lib/chromium/libvulkan.so.1 "$pack/"
git -C "$root" rev-parse --short HEAD > "$pack/COMMIT"
du -sh "$pack"
