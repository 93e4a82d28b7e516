#!/usr/bin/env bash
# Inspection throughput and heap on a ~1 GB CityGML file made from the largest PLATEAU sample.
# Usage: bench/inspection/run.sh [size-in-MB] [max-heap]     (defaults: 1024 256m)
# Everything it writes goes to standards/target/bench (never committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MB=${1:-1024}
HEAP=${2:-256m}
SOURCE=$(pwd)/testdata/plateau/13100_tokyo23-ku_2020_citygml_sample/udx/brid/53394525_brid_6697_op.gml
OUT=$(pwd)/standards/target/bench
mkdir -p "$OUT"

./mvnw -B -q -o -pl standards -am install -DskipTests
./mvnw -B -q -o -pl standards dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
CP="standards/target/classes:$(cat "$OUT/classpath.txt")"

BIG=$OUT/big-$SIZE_MB.gml
[ -f "$BIG" ] || python3 bench/inspection/make_big_citygml.py "$SOURCE" "$BIG" "$SIZE_MB"
BYTES=$(stat -c %s "$BIG")

START=$(date +%s.%N)
/usr/bin/time -v java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log" \
  -cp "$CP" org.twincatalog.standards.citygml.InspectCommand "$BIG" > "$OUT/inspection.json" 2> "$OUT/time.txt"
END=$(date +%s.%N)

SECONDS_TAKEN=$(echo "$END - $START" | bc -l)
MB=$(echo "$BYTES / 1048576" | bc -l)
printf 'file            %s (%.0f MiB)\n' "$BIG" "$MB"
printf 'wall time       %.1f s\n' "$SECONDS_TAKEN"
printf 'throughput      %.1f MiB/s\n' "$(echo "$MB / $SECONDS_TAKEN" | bc -l)"
printf 'max heap        -Xmx%s\n' "$HEAP"
# G1 lines look like: "Pause Young (Normal) (G1 Evacuation Pause) 25M->3M(256M) 1.234ms"
printf 'GC pauses       %s\n' "$(grep -c 'Pause' "$OUT/gc.log")"
printf 'peak heap used  %s MiB (largest before-GC occupancy in the GC log)\n' \
  "$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | cut -dM -f1 | sort -n | tail -1)"
printf 'live after GC   %s MiB (largest after-GC occupancy)\n' \
  "$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)"
printf 'max RSS         %s MiB\n' "$(( $(grep 'Maximum resident' "$OUT/time.txt" | awk '{print $NF}') / 1024 ))"
python3 - "$OUT/inspection.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))['summary']
print('city objects   ', s['cityObjectCounts'])
print('lods           ', s['lods'], ' bbox', s['bbox'])
PY
