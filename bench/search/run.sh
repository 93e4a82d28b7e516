#!/usr/bin/env bash
# Search benchmark: builds a synthetic national catalog (243 Korean local governments and 180
# PLATEAU-style Japanese cities, ko/ja/en) in an on-disk Lucene index, then measures index build
# rate, server-side search latency and in-process throughput.
#
#   bench/search/run.sh [records] [queries] [heap]     defaults: 1000000 5000 2g
set -euo pipefail
cd "$(dirname "$0")/../.."
records="${1:-1000000}"; queries="${2:-5000}"; heap="${3:-2g}"
./mvnw -B -q install -DskipTests -pl catalog -am
cp_file="$(mktemp)"
./mvnw -B -q dependency:build-classpath -pl catalog -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
cp="catalog/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec java -Xmx"$heap" ${TC_BENCH_JAVA_OPTS:-} -cp "$cp" bench/search/SearchBench.java "$records" "$queries"
