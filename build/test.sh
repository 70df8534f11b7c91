#!/usr/bin/env bash
# Runs every test of the repository: generator, SDK unit, integration (real local Workflows engine) and consumer
# (packages from a local feed, NativeAOT) tests. Prints one closing line "N passed, N failed[, N skipped]".
# Usage: build/test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "== restore + build (Release-independent Debug build of the whole solution)"
if ! dotnet build Workflows.Generated.sln -c Debug --nologo -v:minimal; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
# One project at a time: the integration and consumer suites start processes (wrangler, dotnet builds) and
# 2 cores are better spent on one of them than on all at once.
for project in $(find tests -name '*Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  echo "== $name"
  start=$(date +%s)
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" 2>&1 | tee "$results/$name.log"
  rc=${PIPESTATUS[0]}
  echo "== $name finished in $(( $(date +%s) - start )) s (exit $rc)"
  [ "$rc" -ne 0 ] && status=1
done

# Sum the runners' own summary lines ("Passed!  - Failed: 0, Passed: 10, Skipped: 0, Total: 10").
read -r passed failed skipped < <(cat "$results"/*.log | grep -E '^(Passed|Failed)!' | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
# A project whose run crashed prints no summary line: count it as a failure so the total never hides it.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
