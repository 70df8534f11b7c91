#!/usr/bin/env bash
# Measures Cloudflare's full published API (cloudflare-full.json.gz, 12.5 MB) through one `dotnet build` of a
# consumer project that uses the generator as an analyzer (ProjectReference, as the SDK does), with /usr/bin/time -v.
# Usage: measure-scale.sh [spec.json.gz] [namespace]   — prints wall time, peak RSS, the load average after the build
# and the build's diagnostics summary. KEEP_LOG=path keeps the build log; SHOW_ERRORS=n prints n errors (default 15);
# BUILD_ARGS adds arguments to the timed build (e.g. BUILD_ARGS='-p:OpenApiSdkOnlyProject=true', see SCALE.md).
# The consumer lives in a temporary folder (removed afterwards); the generator and runtime are built first, so the
# timed build is the consumer's compile (generator + C# compiler), as for a user whose dependencies are restored.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
spec="${1:-$here/cloudflare-full.json.gz}"
ns="${2:-Cloudflare.Full}"
work="$(mktemp -d /tmp/oag-scale.XXXXXX)"
trap 'rm -rf "$work"' EXIT

zcat "$spec" > "$work/api.json"
cat > "$work/Scale.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/Cloudflare.OpenApi.Generator/build/Cloudflare.OpenApi.Generator.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <WarningsAsErrors>\$(WarningsAsErrors);CS8785;CS8784;CS8032;CS9057</WarningsAsErrors>
    <!-- OAG006 (a construct generated loosely, with its location) is the deliberate degradation the corpus allows. -->
    <WarningsNotAsErrors>OAG006</WarningsNotAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <OpenApiSpec Include="api.json" Namespace="$ns" ClientName="CloudflareClient" ClientParameters="account_id" />
    <ProjectReference Include="$repo/src/Cloudflare.OpenApi.Runtime/Cloudflare.OpenApi.Runtime.csproj" />
    <ProjectReference Include="$repo/generator/Cloudflare.OpenApi.Generator/Cloudflare.OpenApi.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" PrivateAssets="all" />
  </ItemGroup>
  <Import Project="$repo/generator/Cloudflare.OpenApi.Generator/build/Cloudflare.OpenApi.Generator.targets" />
</Project>
XML

dotnet build "$repo/src/Cloudflare.OpenApi.Runtime/Cloudflare.OpenApi.Runtime.csproj" -c Debug -f net10.0 -v:q -nologo > /dev/null
dotnet build "$repo/generator/Cloudflare.OpenApi.Generator/Cloudflare.OpenApi.Generator.csproj" -c Debug -v:q -nologo > /dev/null
dotnet restore "$work/Scale.csproj" -v:q > /dev/null

set +e
/usr/bin/time -v dotnet build "$work/Scale.csproj" -c Debug -nologo -nodeReuse:false -p:BuildProjectReferences=false --no-restore \
  -v:m -clp:NoSummary ${BUILD_ARGS:-} > "$work/build.log" 2> "$work/time.log"
status=$?
set -e
if [ -n "${KEEP_LOG:-}" ]; then cp "$work/build.log" "$KEEP_LOG"; fi
uptime
echo "exit code: $status"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$work/time.log"
# MSBuild prints each diagnostic twice (as the compiler reports it and again at the end): count distinct lines.
grep -E ' (error|warning) ' "$work/build.log" | sed -E 's/^ *([0-9]+>)?//; s/ \[[^]]*\]$//' | sort -u > "$work/diagnostics.txt" || true
echo "errors: $(grep -c ' error ' "$work/diagnostics.txt" || true), warnings: $(grep -c ' warning ' "$work/diagnostics.txt" || true) (distinct)"
grep -oE ' (error|warning) [A-Z]+[0-9]+' "$work/diagnostics.txt" | sort | uniq -c | sort -rn | head -20
grep -E ' error ' "$work/build.log" | sed -E 's/ \[[^]]*\]$//' | head -${SHOW_ERRORS:-15}
