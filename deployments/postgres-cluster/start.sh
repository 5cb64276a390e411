#!/usr/bin/env bash
# Starts a two-node Borgerflow cluster on the local PostgreSQL: both nodes at the same moment (the
# engine's deployment lock and Flyway's advisory lock keep them from clashing), each with its job
# executor on, waits until both are healthy and prints their URLs. Stop with stop.sh.
#
#   BORGERFLOW_ADMIN_PASSWORD='Choose-A-Long-Secret-42' deployments/postgres-cluster/start.sh
#
# Environment: BORGERFLOW_NODE1_PORT (8080), BORGERFLOW_NODE2_PORT (8081), BORGERFLOW_START_TIMEOUT
# (seconds, 300), and everything deployments/postgres/run.sh reads (BORGERFLOW_DB_URL, ...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$here/run"
mkdir -p "$run"

if [[ -z "${BORGERFLOW_ADMIN_PASSWORD:-}" ]]; then
  echo "BORGERFLOW_ADMIN_PASSWORD is not set (at least 12 characters with upper- and lower-case letters," >&2
  echo "a digit and a special character; not a default, not containing \"admin\")." >&2
  exit 2
fi
ports=("${BORGERFLOW_NODE1_PORT:-8080}" "${BORGERFLOW_NODE2_PORT:-8081}")
timeout="${BORGERFLOW_START_TIMEOUT:-300}"

for i in 1 2; do
  pidfile="$run/node$i.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "node$i is already running (pid $(cat "$pidfile")); run stop.sh first." >&2
    exit 1
  fi
done

root="$(cd "$here/../.." && pwd)"
if ! ls "$root"/target/borgerflow-*.jar 2>/dev/null | grep -qv '\.original$'; then
  echo "Building the application jar (mvn -q -DskipTests package)..." >&2
  (cd "$root" && mvn -q -B -DskipTests package)
fi

for i in 1 2; do
  port="${ports[$((i - 1))]}"
  BORGERFLOW_PORT="$port" BORGERFLOW_NODE_NAME="node$i" \
    nohup "$here/../postgres/run.sh" >"$run/node$i.log" 2>&1 &
  echo $! >"$run/node$i.pid"
  echo "node$i starting: pid $(cat "$run/node$i.pid"), port $port, log $run/node$i.log"
done

healthy() { curl -fsS -m 5 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; }

deadline=$((SECONDS + timeout))
for i in 1 2; do
  port="${ports[$((i - 1))]}"
  until healthy "$port"; do
    if ! kill -0 "$(cat "$run/node$i.pid")" 2>/dev/null; then
      echo "node$i died during startup; last lines of $run/node$i.log:" >&2
      tail -n 40 "$run/node$i.log" >&2
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "node$i not healthy after ${timeout}s; see $run/node$i.log (stop.sh stops both)" >&2
      exit 1
    fi
    sleep 2
  done
  echo "node$i healthy"
done

cat <<EOT

Borgerflow cluster is up (database ${BORGERFLOW_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}):
  node1  http://localhost:${ports[0]}/camunda/app/tasklist/   engine-rest http://localhost:${ports[0]}/engine-rest
  node2  http://localhost:${ports[1]}/camunda/app/tasklist/   engine-rest http://localhost:${ports[1]}/engine-rest
Log in as admin. Put a load balancer with sticky sessions in front (haproxy.cfg here).
Stop: $here/stop.sh
EOT
