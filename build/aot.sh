#!/usr/bin/env bash
# Publishes tests/Cloudflare.Workflows.AotSmoke with NativeAOT for linux-x64 into artifacts/aot, fails on any trim or
# AOT analysis warning (IL2xxx/IL3xxx), then runs the binary once.
# The full publish log is kept in artifacts/aot/publish.log; Cloudflare.Workflows.ConsumerTests runs this script.
# Usage: build/aot.sh [extra dotnet publish arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

out=artifacts/aot
rid=linux-x64
rm -rf "$out"
mkdir -p "$out"

start=$(date +%s)
# --artifacts-path: every project of the graph (runtime, generator, SDK, sample) builds into artifacts/aot-build instead
# of its own bin/obj, so this can run while pack.sh or an IDE builds the same projects.
# -nodeReuse:false: no MSBuild node outlives the script (it would hold the caller's output pipe open).
set +e
dotnet publish tests/Cloudflare.Workflows.AotSmoke/Cloudflare.Workflows.AotSmoke.csproj \
  -c Release -r "$rid" -o "$out/bin" --artifacts-path artifacts/aot-build \
  --nologo -v:minimal -nodeReuse:false -p:UseSharedCompilation=false \
  "$@" 2>&1 | tee "$out/publish.log"
rc=${PIPESTATUS[0]}
set -e
echo "== published in $(( $(date +%s) - start )) s (exit $rc)"

# Warnings are errors in this repository, so a trim/AOT problem may show up as either word.
warnings=$(grep -Eo '(warning|error) IL[23][0-9]{3}' "$out/publish.log" | sort | uniq -c || true)
count=$(grep -Ec '(warning|error) IL[23][0-9]{3}' "$out/publish.log" || true)
echo "== trim/AOT warnings: $count"
[ -n "$warnings" ] && echo "$warnings"
[ "$rc" -ne 0 ] && exit "$rc"
[ "$count" -ne 0 ] && exit 1

binary="$out/bin/Cloudflare.Workflows.AotSmoke"
echo "== binary: $binary ($(stat -c %s "$binary") bytes)"
start_ns=$(date +%s%N)
"$binary"
echo "== ran in $(( ($(date +%s%N) - start_ns) / 1000000 )) ms"
