#!/usr/bin/env bash
# The API load benchmark: one Release server on the embedded store with the seeds, on a free 127.0.0.1 port;
# 20 s at concurrency 16 for responsibilities(燃气, 餐饮) and for { __typename }, against the same server.
# Usage: bench/run-load.sh [seconds] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
concurrency=${2:-16}
dotnet build -c Release api/SafetyDuty.Api.csproj -v q -nologo >/dev/null
dotnet build -c Release bench/SafetyDuty.Benchmarks.csproj -v q -nologo >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
Store__Path="$work/graph.db" Logging__LogLevel__Default=Warning \
  dotnet api/bin/Release/net10.0/SafetyDuty.Api.dll --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
dotnet bench/bin/Release/net10.0/SafetyDuty.Benchmarks.dll load --url "http://127.0.0.1:$port/graphql" --seconds "$seconds" --concurrency "$concurrency"
