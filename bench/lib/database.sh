# shellcheck shell=bash
# The database-side comparisons (sourced by bench/run): migmerge status and
# migrate against sequelize-cli on the same project and the same database, and
# migmerge repair on a large SequelizeMeta. Needs the cluster's PG* variables.

database_url() {
    echo "postgres://$PGUSER:$PGPASSWORD@127.0.0.1:$PGPORT/$1"
}

# make_project NAME COUNT [RENAMES]: a project dir (bench/gen/project.js).
make_project() {
    local dir="$BENCH_WORK/project-$1"
    [[ -d $dir ]] || node "$BENCH_DIR/gen/project.js" "$dir" "$2" "${3:-0}"
    echo "$dir"
}

psql_quiet() {
    PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 "$@" >/dev/null
}

# require_rows DATABASE COUNT: a run that did not do the work must not count.
require_rows() {
    local rows
    rows=$(psql -tA -d "$1" -c 'SELECT count(*) FROM "SequelizeMeta"')
    [[ $rows == "$2" ]] || { say "expected $2 rows in $1's SequelizeMeta, found $rows"; return 1; }
}

# fresh_database NAME [TEMPLATE]: drop and recreate, untimed setup for a run.
fresh_database() {
    psql_quiet -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" \
        -c "CREATE DATABASE \"$1\"${2:+ TEMPLATE \"$2\"}"
}

# migmerge_on DATABASE PROJECT ARGS...; the URL travels in DATABASE_URL.
migmerge_on() {
    local database=$1 project=$2
    shift 2
    DATABASE_URL=$(database_url "$database") "$MIGMERGE" -C "$project" --no-color "$@"
}

# sequelize_cli_on DATABASE PROJECT COMMAND: as a user runs it, from the project.
sequelize_cli_on() {
    local url
    url=$(database_url "$1")
    (cd "$2" && node "$BENCH_ROOT/node_modules/sequelize-cli/lib/sequelize" "$3" --url "$url")
}

# Status and migrate with nothing pending, COUNT migrations all applied (by
# migmerge, untimed, so its checksum records exist as in real use).
bench_nothing_pending() {
    local count=$1 database="applied_$1" project ours peer
    say "status and migrate with nothing pending: $count applied migrations"
    project=$(make_project "applied-$count" "$count")
    fresh_database "$database"
    migmerge_on "$database" "$project" -q migrate >/dev/null || return 1
    ours=$(measure "$BENCH_RUNS" - -- migmerge_on "$database" "$project" status) || return 1
    peer=$(measure "$BENCH_RUNS" - -- sequelize_cli_on "$database" "$project" db:migrate:status) ||
        return 1
    record status "status" "$count" "$ours" "sequelize-cli db:migrate:status" "$peer" "ratio>=30" -
    ours=$(measure "$BENCH_RUNS" - -- migmerge_on "$database" "$project" migrate) || return 1
    peer=$(measure "$BENCH_RUNS" - -- sequelize_cli_on "$database" "$project" db:migrate) ||
        return 1
    record migrate-none "migrate, nothing pending" "$count" "$ours" "sequelize-cli db:migrate" \
        "$peer" "ratio>=30" -
}

reset_pending_database() {
    fresh_database pending
}

# COUNT trivial migrations pending on an empty database, each run from scratch.
bench_pending() {
    local count=$1 project ours peer
    say "migrate: $count pending migrations"
    project=$(make_project "pending-$count" "$count")
    ours=$(measure "$BENCH_RUNS" reset_pending_database -- migmerge_on pending "$project" migrate) ||
        return 1
    require_rows pending "$count" || return 1
    peer=$(measure "$BENCH_RUNS" reset_pending_database -- \
        sequelize_cli_on pending "$project" db:migrate) || return 1
    require_rows pending "$count" || return 1
    record migrate-pending "migrate, $count pending" "$count" "$ours" "sequelize-cli db:migrate" \
        "$peer" "ratio>=2" -
}

# A template database whose SequelizeMeta has the rows of project/rows.txt.
seed_repair_template() {
    local project=$1
    fresh_database repair_template
    psql_quiet -d repair_template \
        -c 'CREATE TABLE IF NOT EXISTS "SequelizeMeta" ("name" VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY ("name"))' \
        -c "\\copy \"SequelizeMeta\" (name) FROM '$project/rows.txt'"
}

reset_repair_database() {
    fresh_database repair repair_template
}

# ROWS rows of which RENAMES were renamed by fixes the ledger records.
bench_repair() {
    local rows=$1 renames=$2 project ours memory
    say "repair: $renames renames on $rows rows"
    project=$(make_project "repair-$rows" "$rows" "$renames")
    seed_repair_template "$project"
    ours=$(measure "$BENCH_RUNS" reset_repair_database -- migmerge_on repair "$project" repair) ||
        return 1
    reset_repair_database
    memory=$(peak_kb env DATABASE_URL="$(database_url repair)" "$MIGMERGE" -C "$project" repair)
    require_renamed "$project" || return 1
    record repair "repair, $renames renames" "$rows" "$ours" - - "ms<1000" "$memory"
}

# After a repair no row may keep an old name of the ledger.
require_renamed() {
    local left
    left=$(cut -f1 "$1/migrations/.migmerge-renames" |
        psql -tA -d repair -c 'CREATE TEMP TABLE old (name text)' -c '\copy old FROM STDIN' \
            -c 'SELECT count(*) FROM "SequelizeMeta" m JOIN old USING (name)' | tail -n 1)
    [[ $left == 0 ]] || { say "repair left $left old names in SequelizeMeta"; return 1; }
}

# What any client pays before its first result: reaching PostgreSQL
# (connection, SCRAM authentication, a backend) and, for sequelize-cli,
# starting node with sequelize loaded. Shown for scale, not as targets. The
# libpq floor (bench/floor/pq_select.c: connect, read the names, leave) is the
# least any client of this server can take for `status`.
bench_floors() {
    local database=$1 connect libpq node_start
    connect=$(measure "$BENCH_RUNS" - -- psql -d "$(database_url "$database")" -c 'SELECT 1') ||
        return 1
    record floor "floor: psql connect + SELECT 1" - - "psql" "$connect" - -
    compile_pq_select || return 1
    libpq=$(measure "$BENCH_RUNS" - -- "$BENCH_WORK/pq_select" "$(database_url "$database")") ||
        return 1
    record floor "floor: libpq client, connect + read the names" - - "C (pq_select.c)" "$libpq" - -
    node_start=$(measure "$BENCH_RUNS" - -- node -e "require('$BENCH_ROOT/node_modules/sequelize')") ||
        return 1
    record floor "floor: node + require('sequelize')" - - "node" "$node_start" - -
    # What a JavaScript config or .sequelizerc costs at the least: node itself.
    node_start=$(measure "$BENCH_RUNS" - -- node -e 0) || return 1
    record floor "floor: node -e 0 (a JavaScript config's least)" - - "node" "$node_start" - -
}

compile_pq_select() {
    # shellcheck disable=SC2046 # pkg-config prints several flags
    cc -O2 -o "$BENCH_WORK/pq_select" "$BENCH_DIR/floor/pq_select.c" \
        $(pkg-config --cflags --libs libpq) ||
        { say "cannot compile bench/floor/pq_select.c (needs cc and libpq-dev)"; return 1; }
}
