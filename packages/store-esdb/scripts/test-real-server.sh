#!/bin/sh
# Runs the store-esdb suites against a REAL KurrentDB server in Docker, with BOTH clients
# (ESDB_URL → @eventstore/db-client, KURRENT_URL → @kurrent/kurrentdb-client), then removes it.
#
#   sh packages/store-esdb/scripts/test-real-server.sh          (from the repository root)
#
# KURRENTDB_IMAGE picks another image (e.g. eventstore/eventstore:24.10 or
# docker.kurrent.io/kurrent-latest/kurrentdb:25.1); KURRENTDB_PORT another host port (2113).
# The server runs insecure (no TLS, no users): development only.
set -eu
image="${KURRENTDB_IMAGE:-docker.kurrent.io/kurrent-latest/kurrentdb:latest}"
port="${KURRENTDB_PORT:-2113}"
name="coop-ledger-store-esdb-$$"

docker run -d --rm --name "$name" -p "$port:2113" "$image" --insecure --run-projections=None >/dev/null
trap 'docker stop "$name" >/dev/null 2>&1 || true' EXIT INT TERM

# Wait until the node answers (the HTTP liveness endpoint shares the gRPC port).
tries=0
until curl -fsS "http://localhost:$port/health/live" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 60 ]; then
    echo "KurrentDB did not become live within 60 s; its log:" >&2
    docker logs "$name" >&2 || true
    exit 1
  fi
  sleep 1
done

ESDB_URL="esdb://localhost:$port?tls=false" \
KURRENT_URL="kurrentdb://localhost:$port?tls=false" \
  npx --yes pnpm@10.34.8 exec vitest run --project store-esdb
