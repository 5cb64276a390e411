#!/usr/bin/env bash
# Starts the demo (H2 in ./data, demo users) from the project root. Ctrl-C stops it.
#   BORGERFLOW_PORT  port (default 8080)
#   RESET=1          start from an empty database
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${RESET:-0}" == "1" ]]; then
  echo "demo: deleting ./data (fresh database)" >&2
  rm -rf ./data
fi
exec mvn -B -ntp spring-boot:run -Dspring-boot.run.arguments="--server.port=${BORGERFLOW_PORT:-8080}"
