#!/usr/bin/env bash
# Runs the packed WebGPU benchmark (see pack-for-gpu-host.sh) on a GPU host and writes
# engine/BENCHMARKS-gpu.md, copying it to $OUT when that is set. Prints what the host offers
# first (GPU, Vulkan ICDs), so a missing driver is visible in the log rather than guessed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pack="$root/engine/.gpu-pack"
unxz_to() { if command -v xz >/dev/null; then xz -dc "$1" > "$2"; else python3 -c "import lzma,sys,shutil; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2],'wb'))" "$1" "$2"; fi; }
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -3
ls /usr/share/vulkan/icd.d /etc/vulkan/icd.d 2>&1 | head
unxz_to "$pack/node.xz" "$pack/node" && chmod +x "$pack/node"
unxz_to "$pack/node_modules/webgpu/dist/linux-x64/dawn.node.xz" "$pack/node_modules/webgpu/dist/linux-x64/dawn.node"
"$pack/node" --version
# The Vulkan loader: the host's if it has one, else the packed copy.
if ! ldconfig -p 2>/dev/null | grep -q libvulkan.so.1; then export LD_LIBRARY_PATH="$pack${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
# NVIDIA's default Vulkan manifest names libGLX_nvidia, which cannot create an instance in a
# headless container; the same driver's EGL library can. Use it unless the caller chose a driver.
if [ -z "${VK_ICD_FILENAMES:-}" ] && ldconfig -p 2>/dev/null | grep -q libEGL_nvidia.so.0; then
  printf '{"file_format_version":"1.0.1","ICD":{"library_path":"libEGL_nvidia.so.0","api_version":"1.3.0"}}' > "$pack/nvidia_egl_icd.json"
  export VK_ICD_FILENAMES="$pack/nvidia_egl_icd.json"
fi
export TORCHLIT_COMMIT=$(cat "$pack/COMMIT")
# The bundle must sit where bench/run.ts sits (it writes ../BENCHMARKS-gpu.md), and `webgpu`
# must resolve from there (ESM ignores NODE_PATH).
cp "$pack/run.mjs" "$root/engine/bench/.gpu-run.mjs"
[ -e "$root/engine/node_modules/webgpu" ] || { mkdir -p "$root/engine/node_modules" && cp -r "$pack/node_modules/webgpu" "$root/engine/node_modules/"; }
cd "$root/engine" && "$pack/node" bench/.gpu-run.mjs --hardware-report
status=$?
[ -n "${OUT:-}" ] && cp "$root/engine/BENCHMARKS-gpu.md" "$OUT/" 2>/dev/null
exit $status
