# shellcheck shell=bash
# What bench/run needs around the measurements (sourced): tools, the binary,
# the throwaway cluster, the machine's description and the hooks' figure.

# GNU time gives peak memory; Debian's `time` package has it.
require_tools() {
    local tool
    for tool in git node psql; do
        command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (run scripts/setup)" >&2; exit 3; }
    done
    [[ -d $BENCH_ROOT/node_modules/sequelize-cli ]] ||
        { echo "bench: node_modules is missing (run scripts/setup)" >&2; exit 3; }
    if [[ ! -x /usr/bin/time ]]; then
        say "installing GNU time (Debian package 'time')"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null
    fi
}

# MIGMERGE, else a Release build in build-bench/ (built when missing or stale).
locate_migmerge() {
    if [[ -n ${MIGMERGE:-} ]]; then
        MIGMERGE=$(realpath "$MIGMERGE")
        [[ -x $MIGMERGE ]] || { echo "bench: MIGMERGE=$MIGMERGE is not executable" >&2; exit 2; }
        return
    fi
    local build="$BENCH_ROOT/build-bench"
    say "building migmerge (Release) in $build"
    cmake -S "$BENCH_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DMIGMERGE_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" --target migmerge >/dev/null
    MIGMERGE="$build/migmerge"
}

start_cluster() {
    say "starting a throwaway PostgreSQL cluster"
    "$BENCH_ROOT/scripts/pg-cluster" start "$BENCH_WORK/pg" >/dev/null
    set -a
    # shellcheck disable=SC1091
    source "$BENCH_WORK/pg/env"
    set +a
    unset DATABASE_URL NODE_ENV
}

cpu_model() {
    sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1
}

# The hooks' cost on a merge that touches no migration is measured by
# bench/hooks-cost (owned with the hooks: `hooks-cost [BINARY] [ROUNDS]`); its
# table is shown as it prints it.
hooks_cost() {
    local script="$BENCH_DIR/hooks-cost"
    echo
    if [[ ! -x $script ]]; then
        echo "hooks: $script not found; the hooks' cost is not measured in this run"
        return
    fi
    echo "The hooks' cost on a merge that touches no migration (bench/hooks-cost):"
    "$script" "$MIGMERGE" "$BENCH_HOOK_ROUNDS" || echo "hooks: $script failed (exit $?)"
}

load_average() {
    cut -d' ' -f1-3 /proc/loadavg
}
