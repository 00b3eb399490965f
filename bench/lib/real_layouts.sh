# shellcheck shell=bash
# migmerge status and a no-op migrate on projects laid out the three ways real
# teams lay them out (bench/gen/real_project.js), side by side with
# `npx sequelize-cli` as a developer runs it: from the project, and the
# project (not the benchmark's environment) saying where the database is.
# Sourced by bench/run; needs database.sh and the cluster's PG* variables.

# real_project LAYOUT COUNT DATABASE: the project dir, made once.
real_project() {
    local dir="$BENCH_WORK/real-$1-$2"
    [[ -d $dir ]] || node "$BENCH_DIR/gen/real_project.js" "$dir" "$2" "$1" "$(database_url "$3")"
    echo "$dir"
}

# The URL on the command line only in the url layout; PG* never reach the tools.
url_option() {
    [[ $1 != url ]] || echo "--url=$(database_url "$2")"
}

# real_cli LAYOUT PROJECT DATABASE COMMAND
real_cli() {
    local url
    url=$(url_option "$1" "$3")
    (cd "$2" && env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD -u PGDATABASE \
        npx --no sequelize-cli "$4" ${url:+"$url"})
}

# real_migmerge LAYOUT PROJECT DATABASE COMMAND
real_migmerge() {
    local url
    url=$(url_option "$1" "$3")
    env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD -u PGDATABASE \
        "$MIGMERGE" -C "$2" --no-color "$4" ${url:+"$url"}
}

# measure_or_dash RUNS -- COMMAND...: the median, or "-" (and why, on stderr)
# when the command cannot do its work in this layout at all.
measure_or_dash() {
    local status=0
    "${@:3}" >/dev/null 2>"$BENCH_WORK/real-stderr" || status=$?
    if ((status > 1)); then
        say "  cannot run: $(head -n 1 "$BENCH_WORK/real-stderr") (exit $status); recorded as -"
        echo -
        return 0
    fi
    measure "$1" - -- "${@:3}"
}

# require_cli_sees LAYOUT PROJECT DATABASE COUNT: sequelize-cli exits 1 on
# any error, which measure counts as a run; so first it must list COUNT
# applied migrations in this layout, or the layout's timings mean nothing.
require_cli_sees() {
    local up
    up=$(real_cli "$1" "$2" "$3" db:migrate:status 2>&1 | grep -c '^up ' || true)
    [[ $up == "$4" ]] || { say "sequelize-cli sees $up applied migrations in the $1 layout, not $4"; return 1; }
}

# bench_real_layouts COUNT: COUNT migrations applied once (untimed, by
# migmerge, so its checksum records exist), then status and a no-op migrate
# in each layout against that one database, which neither command changes.
bench_real_layouts() {
    local count=$1 database="real_$1" layout project ours peer
    say "real layouts: status and migrate with nothing pending, $count applied"
    fresh_database "$database"
    project=$(real_project json "$count" "$database")
    migmerge_on "$database" "$project" -q migrate >/dev/null || return 1
    require_rows "$database" "$count" || return 1
    for layout in dotenv json url; do
        project=$(real_project "$layout" "$count" "$database")
        say "  layout $layout"
        require_cli_sees "$layout" "$project" "$database" "$count" || return 1
        ours=$(measure_or_dash "$BENCH_RUNS" -- real_migmerge "$layout" "$project" "$database" status)
        peer=$(measure "$BENCH_RUNS" - -- real_cli "$layout" "$project" "$database" db:migrate:status) ||
            return 1
        record real-status "status, $layout layout" "$count" "$ours" \
            "npx sequelize-cli db:migrate:status" "$peer" - -
        ours=$(measure_or_dash "$BENCH_RUNS" -- real_migmerge "$layout" "$project" "$database" migrate)
        peer=$(measure "$BENCH_RUNS" - -- real_cli "$layout" "$project" "$database" db:migrate) ||
            return 1
        record real-migrate "migrate, nothing pending, $layout layout" "$count" "$ours" \
            "npx sequelize-cli db:migrate" "$peer" - -
    done
    require_rows "$database" "$count"
}
