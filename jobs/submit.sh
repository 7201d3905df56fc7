#!/usr/bin/env bash
# Submits a BasinBench run to a Spark cluster with spark-submit.
#
#   jobs/submit.sh [SPARK-SUBMIT OPTIONS ...] -- SPEC.json [SPEC.json ...] [--out URI] [--partitions N]
#
# Everything before "--" goes to spark-submit (--master, --deploy-mode, --executor-memory, ...);
# everything after it to `basinbench run`. Example:
#
#   jobs/submit.sh --master spark://HOST:7077 --executor-memory 2g -- \
#     jobs/quickstart.json --out hdfs:///basinbench/out
#
# The output URI must be reachable from the driver and every executor. spark-submit is taken
# from $SPARK_SUBMIT, else $SPARK_HOME/bin/spark-submit, else the PATH. The shaded jar is built
# first when the sources changed (through bin/basinbench).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

spark_opts=()
run_args=()
seen_separator=0
for a in "$@"; do
  if [[ $seen_separator == 0 && "$a" == "--" ]]; then
    seen_separator=1
  elif [[ $seen_separator == 0 ]]; then
    spark_opts+=("$a")
  else
    run_args+=("$a")
  fi
done
if [[ $seen_separator == 0 || ${#run_args[@]} == 0 ]]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi

submit="${SPARK_SUBMIT:-}"
if [[ -z "$submit" && -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  submit="$SPARK_HOME/bin/spark-submit"
fi
if [[ -z "$submit" ]]; then
  submit="$(command -v spark-submit || true)"
fi
if [[ -z "$submit" ]]; then
  echo "submit.sh: spark-submit not found: set SPARK_SUBMIT or SPARK_HOME, or put it on the PATH" >&2
  exit 1
fi

"$ROOT/bin/basinbench" --version >/dev/null   # builds target/ when the sources changed
jar="$(ls "$ROOT"/target/basinbench-*.jar 2>/dev/null | grep -v '/original-' | head -n 1)"
if [[ -z "$jar" ]]; then
  echo "submit.sh: no shaded jar under $ROOT/target; run 'mvn package'" >&2
  exit 1
fi

# The SIMD kernels need the Vector API module in the driver (local work) and in every executor;
# without it they fall back to scalar loops with the same results. Provenance: the manifest
# records the commit the jar was built from. Java options given here with --conf (or -c) are
# kept, with these appended; options set only in spark-defaults.conf are replaced by them.
simd="--add-modules=jdk.incubator.vector"
commit="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || true)"
driver_opts=""
executor_opts=""
rest=()
i=0
while (( i < ${#spark_opts[@]} )); do
  a="${spark_opts[$i]}"
  if [[ ( "$a" == "--conf" || "$a" == "-c" ) && $((i + 1)) -lt ${#spark_opts[@]} ]]; then
    kv="${spark_opts[$((i + 1))]}"
    case "$kv" in
      spark.driver.extraJavaOptions=*) driver_opts="${kv#*=}"; i=$((i + 2)); continue ;;
      spark.executor.extraJavaOptions=*) executor_opts="${kv#*=}"; i=$((i + 2)); continue ;;
    esac
  fi
  rest+=("$a")
  i=$((i + 1))
done
driver_opts="${driver_opts:+$driver_opts }$simd${commit:+ -Dbasinbench.git.commit=$commit}"
executor_opts="${executor_opts:+$executor_opts }$simd"
spark_opts=(--conf "spark.driver.extraJavaOptions=$driver_opts" --conf "spark.executor.extraJavaOptions=$executor_opts"
  ${rest[@]+"${rest[@]}"})

# One BLAS thread per task: Spark's tasks are the parallelism, and a multi-threaded BLAS inside
# each would oversubscribe the executors' cores (settings given before "--" win).
spark_opts=(--conf spark.executorEnv.OPENBLAS_NUM_THREADS=1 "${spark_opts[@]}")

exec "$submit" "${spark_opts[@]}" --class org.basinbench.cli.Main "$jar" run "${run_args[@]}"
