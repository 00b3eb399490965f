# shellcheck shell=bash
# `migmerge check` against the floor: plain git reading the same three trees
# and the merge base (sourced by bench/run).

# make_history_repo MIGRATIONS COMMITS: a bare repository with that history
# (bench/gen/history.js through git fast-import); prints its path.
make_history_repo() {
    local migrations=$1 commits=$2
    local repo="$BENCH_WORK/history-$migrations-$commits.git"
    if [[ ! -d $repo ]]; then
        git init -q --bare "$repo"
        node "$BENCH_DIR/gen/history.js" "$migrations" "$commits" "$repo.stream"
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

# bench_check_case GROUP MIGRATIONS COMMITS: one line of the table.
bench_check_case() {
    local group=$1 migrations=$2 commits=$3 repo ours floor memory floor_memory
    say "check: $migrations migrations, $commits commits"
    repo=$(make_history_repo "$migrations" "$commits")
    ours=$(measure "$BENCH_RUNS" - -- migmerge_check "$repo") || return 1
    floor=$(measure "$BENCH_RUNS" - -- git_floor "$repo") || return 1
    memory=$(peak_kb "$MIGMERGE" -C "$repo" --migrations-path migrations check \
        --base production --head staging)
    floor_memory=$(git_floor_peak_kb "$repo")
    record "$group" "check, $commits commits" "$migrations" "$ours" "git merge-base + 3 ls-tree" \
        "$floor" "ratio>=1" "$memory" "$floor_memory"
}

# Sizes grow in migrations (with history), then in history alone at 1,000
# migrations, which is where "memory flat as history grows" shows.
bench_check() {
    local spec
    for spec in $BENCH_CHECK_SIZES; do
        bench_check_case check "${spec%:*}" "${spec#*:}" || return 1
    done
    for spec in $BENCH_HISTORY_SIZES; do
        bench_check_case check-history "${spec%:*}" "${spec#*:}" || return 1
    done
}
