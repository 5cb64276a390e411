#!/usr/bin/env bash
# Starts ONE Borgerflow node on PostgreSQL (profile "postgres") in the foreground.
# Configuration comes from the environment; see README.md next to this script and docs/operations.md.
#
#   BORGERFLOW_ADMIN_PASSWORD='Choose-A-Long-Secret-42' deployments/postgres/run.sh
#
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [[ -z "${BORGERFLOW_ADMIN_PASSWORD:-}" ]]; then
  echo "BORGERFLOW_ADMIN_PASSWORD is not set: the postgres profile refuses to start without an admin password" >&2
  echo "(at least 12 characters with upper- and lower-case letters, a digit and a special character;" >&2
  echo "not a default such as demo/admin/password, not containing \"admin\")." >&2
  exit 2
fi

export BORGERFLOW_DB_URL="${BORGERFLOW_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
export BORGERFLOW_DB_USER="${BORGERFLOW_DB_USER:-postgres}"
export BORGERFLOW_PORT="${BORGERFLOW_PORT:-8080}"
export BORGERFLOW_NODE_NAME="${BORGERFLOW_NODE_NAME:-node1}"
# which municipalities this installation serves (and other overrides): a Spring Boot YAML file
config="${BORGERFLOW_CONFIG:-$here/municipalities.yml}"

jar="${BORGERFLOW_JAR:-}"
if [[ -z "$jar" ]]; then
  jar="$(ls "$root"/target/borgerflow-*.jar 2>/dev/null | grep -v '\.original$' | head -n1 || true)"
  if [[ -z "$jar" ]]; then
    echo "Building the application jar (mvn -q -DskipTests package)..." >&2
    (cd "$root" && mvn -q -B -DskipTests package)
    jar="$(ls "$root"/target/borgerflow-*.jar | grep -v '\.original$' | head -n1)"
  fi
fi

echo "Borgerflow node '$BORGERFLOW_NODE_NAME' on port $BORGERFLOW_PORT, database $BORGERFLOW_DB_URL" >&2
# exec: the JVM gets the signals (SIGTERM -> graceful shutdown)
exec java ${JAVA_OPTS:--Xmx1g} -jar "$jar" \
  --spring.profiles.active=postgres \
  --spring.config.additional-location="optional:file:$config" \
  "$@"
