#!/usr/bin/env bash
# Borgerflow against the bare Camunda engine, side by side in one run (docs/benchmarks.md).
#
#   deployments/bench/run.sh [--quick] [--jfr] [--db=h2|postgres] [--only=intake,escalation,queue,report,startup]
#
# Builds if needed (test classes; `mvn verify` never runs the benchmark), runs the scenarios with
# progress on stderr, writes docs/benchmarks.md (full set of scenarios only) and prints as its last
# stdout line:  RESULT intake_ratio=.. intake_rows=.. escalation_ratio=.. catchup_per_s=.. tasklist_p95_ms=.. queue_p95_ms=.. queue_ratio=.. report_ms=.. startup_ratio=..
# --quick: smaller sizes, within 5 minutes on 2 cores. --jfr: a flight recording of the benchmark
# JVM in target/bench/bench.jfr. --db: the database of app and bare twin alike, h2 (default: files
# under target/bench) or postgres (profiles demo+postgres; the benchmark drops and creates its own
# databases borgerflow_bench, borgerflow_bench_full and borgerflow_bench_bare, never `test`;
# BENCH_DB_SUFFIX=x names them borgerflow_bench_x, ... so two runs on one server do not collide).
# BENCH_JAVA_OPTS adds JVM options, e.g. smaller full-run sizes or another PostgreSQL server:
#   BENCH_JAVA_OPTS="-Dbench.escalationN=3000 -Dbench.startupPairs=3" deployments/bench/run.sh
#   BENCH_JAVA_OPTS="-Dbench.pgUrl=jdbc:postgresql://db:5432/ -Dbench.pgUser=bench -Dbench.pgPassword=..." \
#     deployments/bench/run.sh --db=postgres      # defaults: jdbc:postgresql://127.0.0.1:5432/, postgres, ""
# Needs Java 17 and Maven (and for --db=postgres a PostgreSQL server); listens only on random free ports.
set -euo pipefail
cd "$(dirname "$0")/../.."

jfr=""
args=()
for a in "$@"; do
  case "$a" in
    --jfr) jfr="-XX:StartFlightRecording=filename=target/bench/bench.jfr,settings=profile,dumponexit=true -XX:FlightRecorderOptions=stackdepth=256" ;;
    --quick|--only=*|--docs=*|--db=h2|--db=postgres) args+=("$a") ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done

mkdir -p target/bench
# databases of earlier runs (several GB after a full run)
rm -rf target/bench/db-* target/bench/startup-*
echo "[bench] building (mvn test-compile) ..." >&2
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt \
    -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"

echo "[bench] running $(nproc) cores, $(java -version 2>&1 | head -1)" >&2
# BENCH_JAVA_OPTS split on blanks only (no glob expansion of e.g. -Dbench.queueDdl="...*...")
read -r -a java_opts <<< "${BENCH_JAVA_OPTS:-}"
read -r -a jfr_opts <<< "$jfr"
exec java -Xms512m -Xmx2g ${jfr_opts[@]+"${jfr_opts[@]}"} ${java_opts[@]+"${java_opts[@]}"} -cp "$cp" dk.borgerflow.bench.BorgerflowBenchmark ${args[@]+"${args[@]}"}
