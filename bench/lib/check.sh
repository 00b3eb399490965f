# shellcheck shell=bash
# `migmerge check` against the floor: plain git reading the same three trees
# and the merge base (sourced by bench/run).

# make_history_repo MIGRATIONS COMMITS [SIDE_COMMITS SIDE_MIGRATIONS]: a
# bare repository with that history (bench/gen/history.js through git
# fast-import, which stores each tree as a delta of the one before); prints
# its path.
make_history_repo() {
    local migrations=$1 commits=$2 side=${3:+-$3-$4}
    local repo="$BENCH_WORK/history-$migrations-$commits$side.git"
    if [[ ! -d $repo ]]; then
        git init -q --bare "$repo"
        node "$BENCH_DIR/gen/history.js" "$migrations" "$commits" "$repo.stream" ${3:+"$3" "$4"}
        git -C "$repo" fast-import --quiet <"$repo.stream"
        rm -f "$repo.stream"
    fi
    echo "$repo"
}

# What any tool must at least do: find the merge base and list the migrations
# folder of the three commits.
git_floor() {
    local repo=$1 merge_base
    merge_base=$(git -C "$repo" merge-base production staging)
    git -C "$repo" ls-tree production:migrations >/dev/null
    git -C "$repo" ls-tree staging:migrations >/dev/null
    git -C "$repo" ls-tree "$merge_base:migrations" >/dev/null
}

# The floor's peak memory: the largest of its git processes.
git_floor_peak_kb() {
    local repo=$1 merge_base
    merge_base=$(git -C "$repo" merge-base production staging)
    {
        peak_kb git -C "$repo" merge-base production staging
        peak_kb git -C "$repo" ls-tree production:migrations
        peak_kb git -C "$repo" ls-tree staging:migrations
        peak_kb git -C "$repo" ls-tree "$merge_base:migrations"
    } | sort -n | tail -n 1
}

migmerge_check() {
    "$MIGMERGE" -C "$1" --migrations-path migrations --no-color \
        check --base production --head staging
}

# bench_check_case GROUP MIGRATIONS COMMITS [PER_SIDE]: one line of the
# table; with PER_SIDE, each side adds one migration per commit, PER_SIDE times.
bench_check_case() {
    local group=$1 migrations=$2 commits=$3 per_side=${4:-} repo ours floor memory floor_memory
    say "check: $migrations migrations, $commits commits${per_side:+, $per_side per side}"
    repo=$(make_history_repo "$migrations" "$commits" ${per_side:+"$per_side" "$per_side"})
    ours=$(measure "$BENCH_RUNS" - -- migmerge_check "$repo") || return 1
    floor=$(measure "$BENCH_RUNS" - -- git_floor "$repo") || return 1
    memory=$(peak_kb "$MIGMERGE" -C "$repo" --migrations-path migrations check \
        --base production --head staging)
    floor_memory=$(git_floor_peak_kb "$repo")
    record "$group" "check, $commits commits${per_side:+, 1 migration/commit x $per_side per side}" "$migrations" "$ours" "git merge-base + 3 ls-tree" \
        "$floor" "ratio>=1" "$memory" "$floor_memory"
}

# Sizes grow in migrations (with history), then in history alone at 1,000
# migrations, which is where "memory flat as history grows" shows.
bench_check() {
    local spec migrations commits per_side
    for spec in $BENCH_CHECK_SIZES; do
        bench_check_case check "${spec%:*}" "${spec#*:}" || return 1
    done
    for spec in $BENCH_HISTORY_SIZES; do
        bench_check_case check-history "${spec%:*}" "${spec#*:}" || return 1
    done
    # migrations:commits:per-side, one migration per commit on each side
    for spec in $BENCH_PER_COMMIT_SIZES; do
        IFS=: read -r migrations commits per_side <<<"$spec"
        bench_check_case check "$migrations" "$commits" "$per_side" || return 1
    done
}
