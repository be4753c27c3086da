#!/usr/bin/env bash
# The API load benchmark (bench/Load/GraphQLLoadTest.cs), concurrency 16 by default, each phase measured in turns
# with { __typename } on the same server (a slice of one, then of the other), its ratio to those turns:
# - distinct questions of every kind the page asks, about one place and about every place, on a server whose answer
#   cache is off (Answers__Cache=false), so that no answer is served from an earlier request;
# - the repeated question (responsibilities(燃气, 餐饮) everywhere and in one place) on a server with its cache on.
# The store is the five seeds in a fresh file, or an existing database given as the third argument (for instance
# 1,000 synthetic places: dotnet run -c Release --project seed -- generate --places 1000 --db /tmp/p1000.db).
# Usage: bench/run-load.sh [seconds a phase] [concurrency] [database]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
concurrency=${2:-16}
database=${3:-}
dotnet build -c Release api/SafetyDuty.Api.csproj -v q -nologo >/dev/null
dotnet build -c Release bench/SafetyDuty.Benchmarks.csproj -v q -nologo >/dev/null
work=$(mktemp -d)
server=
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null; fi; rm -rf "$work"' EXIT
[ -n "$database" ] || database="$work/graph.db"

# run PHASES CACHE: one server, one client run.
run() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  Store__Path="$database" Answers__Cache="$2" Logging__LogLevel__Default=Warning \
    dotnet api/bin/Release/net10.0/SafetyDuty.Api.dll --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  local status=0
  dotnet bench/bin/Release/net10.0/SafetyDuty.Benchmarks.dll load --url "http://127.0.0.1:$port/graphql" \
    --seconds "$seconds" --concurrency "$concurrency" --phases "$1" || status=$?
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
  if [ $status -ne 0 ]; then
    echo "-- the server's log, last lines:"
    tail -n 40 "$work/api.log"
  fi
  return $status
}

status=0
echo "== distinct questions, answer cache off"
run distinct false || status=1
echo
echo "== repeated question, answer cache on"
run repeated true || status=1
exit $status
