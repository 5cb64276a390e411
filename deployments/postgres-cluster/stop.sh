#!/usr/bin/env bash
# Stops the nodes started by start.sh: SIGTERM (Spring's graceful shutdown: requests finish, the job
# executor hands back its locked jobs), waits up to BORGERFLOW_STOP_TIMEOUT seconds (60), and only
# then SIGKILL. Removes the pid files.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$here/run"
timeout="${BORGERFLOW_STOP_TIMEOUT:-60}"

# run.sh execs java, so the pid in the file is the JVM itself
for pidfile in "$run"/node*.pid; do
  [[ -e "$pidfile" ]] || { echo "nothing to stop (no pid files in $run)"; exit 0; }
  node="$(basename "$pidfile" .pid)"
  pid="$(cat "$pidfile")"
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "$node (pid $pid) is not running"
    rm -f "$pidfile"
    continue
  fi
  kill -TERM "$pid"
  echo "$node (pid $pid): SIGTERM sent"
done

for pidfile in "$run"/node*.pid; do
  [[ -e "$pidfile" ]] || continue
  node="$(basename "$pidfile" .pid)"
  pid="$(cat "$pidfile")"
  for ((waited = 0; waited < timeout; waited++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$node (pid $pid) still running after ${timeout}s: SIGKILL" >&2
    kill -KILL "$pid"
  else
    echo "$node stopped"
  fi
  rm -f "$pidfile"
done
