#!/usr/bin/env bash
# Packs every package this repository ships into artifacts/feed (see build/PACKAGING.md):
#   Cloudflare.OpenApi.Runtime    (+ .snupkg)  lib/net8.0, lib/net10.0
#   Cloudflare.Workflows          (+ .snupkg)  lib/net8.0, lib/net10.0; depends on the runtime
#   Cloudflare.OpenApi.Generator               analyzers/dotnet/cs, build/, buildTransitive/; depends on the runtime
#   Cloudflare.OpenApi.Extensions.DependencyInjection  (+ .snupkg)  AddOpenApiClient; runtime + Microsoft.Extensions.Http/Options
#   Cloudflare.Workflows.Extensions.DependencyInjection (+ .snupkg)  AddCloudflareWorkflows; the SDK + the package above
# The feed is emptied first, so it never mixes packages of two commits.
# Usage: build/pack.sh [extra dotnet pack arguments, e.g. -p:VersionSuffix=ci.42]
# CI=true turns on ContinuousIntegrationBuild (deterministic, /_/ source paths) through Directory.Build.props.
set -euo pipefail
cd "$(dirname "$0")/.."

feed=artifacts/feed

rm -rf "$feed"
mkdir -p "$feed"

start=$(date +%s)
# One build over a solution filter of the packed projects (and the generator they need): one restore, one
# evaluation, shared project builds. Only projects with IsPackable=true produce packages.
# No MSBuild node reuse: nodes left behind would keep this script's output pipe open for whoever reads it.
dotnet pack build/Packages.slnf -c Release --nologo -v:minimal -nodeReuse:false -p:UseSharedCompilation=false "$@"
echo "== packed in $(( $(date +%s) - start )) s into $feed"

shopt -s nullglob
for id in Cloudflare.OpenApi.Runtime Cloudflare.Workflows Cloudflare.OpenApi.Generator Cloudflare.OpenApi.Extensions.DependencyInjection Cloudflare.Workflows.Extensions.DependencyInjection; do
  if [ -z "$(compgen -G "$feed/$id.[0-9]*.nupkg")" ]; then
    echo "missing package $id in $feed" >&2
    exit 1
  fi
done
packages=("$feed"/*.nupkg "$feed"/*.snupkg)

for package in "${packages[@]}"; do
  echo "== $package"
  if command -v unzip >/dev/null; then
    unzip -l "$package"
  else
    python3 -m zipfile -l "$package"
  fi
done
