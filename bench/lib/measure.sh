# shellcheck shell=bash
# Timing and memory helpers for bench/run (sourced).
#
# Wall time comes from bash's EPOCHREALTIME (microseconds, no fork of its own),
# so a measurement is the command and nothing else. Exit status 0 and 1 both
# count as a run (1 is "findings"/"problems", which the bench inputs have on
# purpose); anything else aborts the bench: a crash must never look fast.

# Microseconds since the epoch.
now_us() {
    local stamp=${EPOCHREALTIME/./}
    echo "$stamp"
}

# Runs "$@" once with output discarded; prints its wall time in microseconds.
time_once_us() {
    local start end status=0
    start=$(now_us)
    "$@" >/dev/null 2>"$BENCH_WORK/last-stderr" || status=$?
    end=$(now_us)
    if ((status > 1)); then
        echo "bench: '$*' failed with exit $status:" >&2
        tail -n 5 "$BENCH_WORK/last-stderr" >&2
        return 1
    fi
    echo $((end - start))
}

# Median of the numbers on stdin (one per line), in milliseconds with 1 decimal.
median_ms() {
    sort -n | awk '{ v[NR] = $1 }
        END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
              printf "%.1f\n", m / 1000 }'
}

# measure RUNS SETUP -- COMMAND...: median wall time (ms) of RUNS runs of
# COMMAND after one untimed warm-up; SETUP (a command, or "-" for none) runs
# untimed before each of them, e.g. to give each run a fresh database.
measure() {
    local runs=$1 setup=$2 i
    shift 3
    [[ $setup == - ]] || $setup
    "$@" >/dev/null 2>&1 || true
    for ((i = 0; i < runs; ++i)); do
        [[ $setup == - ]] || $setup
        time_once_us "$@" || return 1
    done | median_ms
}

# Peak resident memory (kB) of one run of COMMAND, from GNU time.
peak_kb() {
    local out="$BENCH_WORK/peak-kb"
    /usr/bin/time -f %M -o "$out" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$out"
}

# record GROUP WHAT MIGRATIONS MIGMERGE_MS PEER PEER_MS TARGET PEAK_KB
# [PEER_PEAK_KB]: one result line; a column that does not apply is "-".
record() {
    local IFS=$'\t'
    echo "$*" >>"$BENCH_RESULTS"
}

say() {
    printf 'bench: %s\n' "$*" >&2
}
