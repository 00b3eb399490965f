# shellcheck shell=bash
# Rollouts (sourced by bench/run): many pods starting `migmerge migrate` at
# once through a real PgBouncer in transaction and in session mode, and a pod
# killed mid-statement followed at once by the next one, each against one
# runner alone on the same project. The migrations are slow, non-idempotent
# statements, so a run that did any body twice is reported, not timed.
# Needs database.sh and the cluster's PG* variables.

ROLLOUT_STEPS=3
ROLLOUT_SECONDS=0.5

# rollout_project: 3 migrations, each one INSERT that sleeps 0.5 s.
rollout_project() {
    local dir="$BENCH_WORK/rollout" i name
    [[ -d $dir ]] && { echo "$dir"; return; }
    mkdir -p "$dir/migrations"
    ln -s "$BENCH_ROOT/node_modules" "$dir/node_modules"
    for ((i = 1; i <= ROLLOUT_STEPS; ++i)); do
        name="2025010100000$i-step-$i.js"
        cat >"$dir/migrations/$name" <<JS
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('INSERT INTO effects (name) SELECT \$1 FROM pg_sleep($ROLLOUT_SECONDS)', { bind: ['$name'] });
  },
  async down() {},
};
JS
    done
    echo "$dir"
}

reset_rollout_database() {
    fresh_database rollout
    psql_quiet -d rollout -c 'CREATE TABLE effects (id serial, name text)'
}

# Each body exactly once, or the timing is worthless. Exit 3: measure counts
# exit 1 as a run (sequelize-cli's way of failing), anything above as a failure.
require_each_once() {
    local runs
    runs=$(psql -tA -d rollout -c "SELECT count(*) || '/' || count(DISTINCT name) FROM effects")
    [[ $runs == "$ROLLOUT_STEPS/$ROLLOUT_STEPS" ]] ||
        { say "effects has $runs rows/names, not $ROLLOUT_STEPS/$ROLLOUT_STEPS"; return 3; }
}

# start_pgbouncer MODE POOL: a pooler in front of database "rollout", as
# postgres (it refuses root); prints its port.
start_pgbouncer() {
    local dir="$BENCH_WORK/pgbouncer-$1" port=$((20000 + RANDOM % 40000))
    mkdir -p "$dir"
    chmod 755 "$BENCH_WORK" # pgbouncer runs as postgres and reads its files here
    printf '"%s" "%s"\n' "$PGUSER" "$PGPASSWORD" >"$dir/userlist.txt"
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
rollout = host=127.0.0.1 port=$PGPORT dbname=rollout
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = $1
default_pool_size = $2
max_client_conn = 500
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
    chown -R postgres: "$dir"
    runuser -u postgres -- /usr/sbin/pgbouncer -d "$dir/pgbouncer.ini" >&2 || return 3
    echo "$port"
}

stop_pgbouncer() {
    local pidfile="$BENCH_WORK/pgbouncer-$1/pgbouncer.pid"
    [[ -f $pidfile ]] && kill -INT "$(cat "$pidfile")" 2>/dev/null || true
    sleep 0.2
}

# runners_at_once COUNT URL PROJECT: COUNT migrates started together; fails
# unless every one exits 0.
runners_at_once() {
    local count=$1 url=$2 project=$3 i failed=0
    local pids=()
    for ((i = 0; i < count; ++i)); do
        "$MIGMERGE" -C "$project" -q migrate --url "$url" --lock-timeout 120 >/dev/null 2>&1 &
        pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || failed=1; done
    ((failed == 0)) || { say "a runner failed"; return 3; }
    require_each_once
}

# kill_mid_statement PROJECT SIGNAL: one migrate killed by SIGNAL while its
# first statement runs.
kill_mid_statement() {
    local project=$1 signal=$2 pid
    "$MIGMERGE" -C "$project" -q migrate --url "$(database_url rollout)" >/dev/null 2>&1 &
    pid=$!
    until [[ $(psql -tA -d rollout -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO effects%'") != 0 ]]; do
        sleep 0.02
    done
    kill "-$signal" "$pid"
    { wait "$pid"; } 2>/dev/null || true
}

rerun_after_sigkill() {
    "$MIGMERGE" -C "$ROLLOUT_PROJECT" -q migrate --url "$(database_url rollout)" >/dev/null ||
        return 3
    require_each_once
}

reset_and_kill() {
    reset_rollout_database
    kill_mid_statement "$ROLLOUT_PROJECT" KILL
}

reset_and_start() {
    reset_rollout_database
    "$MIGMERGE" -C "$ROLLOUT_PROJECT" -q migrate --url "$(database_url rollout)" >/dev/null 2>&1 &
    ROLLOUT_PID=$!
    until [[ $(psql -tA -d rollout -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO effects%'") != 0 ]]; do
        sleep 0.02
    done
}

# The time from SIGTERM to exit: the statement cancelled, waited for, lock freed.
sigterm_to_exit() {
    kill -TERM "$ROLLOUT_PID"
    wait "$ROLLOUT_PID" || [[ $? == 143 ]]
}

bench_rollout() {
    local runners=${1:-24} alone ours port
    command -v /usr/sbin/pgbouncer >/dev/null || { say "pgbouncer is not installed: no rollout numbers"; return 0; }
    say "rollout: $runners runners through PgBouncer, kills mid-statement"
    ROLLOUT_PROJECT=$(rollout_project)
    reset_rollout_database
    alone=$(measure "$BENCH_RUNS" reset_rollout_database -- \
        runners_at_once 1 "$(database_url rollout)" "$ROLLOUT_PROJECT") || return 1
    ours=$(measure "$BENCH_RUNS" reset_rollout_database -- \
        runners_at_once 32 "$(database_url rollout)" "$ROLLOUT_PROJECT") || return 1
    record rollout "32 runners at once, direct" "$ROLLOUT_STEPS" "$ours" "one runner alone" "$alone" "ratio>=0.67" -
    for mode in transaction session; do
        port=$(start_pgbouncer "$mode" "$([[ $mode == transaction ]] && echo 5 || echo 10)") ||
            return 1
        sleep 0.3
        ours=$(measure "$BENCH_RUNS" reset_rollout_database -- runners_at_once "$runners" \
            "postgres://$PGUSER:$PGPASSWORD@127.0.0.1:$port/rollout" "$ROLLOUT_PROJECT") || return 1
        record rollout "$runners runners via PgBouncer, $mode mode" "$ROLLOUT_STEPS" "$ours" \
            "one runner alone" "$alone" "ratio>=0.67" -
        stop_pgbouncer "$mode"
    done
    ours=$(measure "$BENCH_RUNS" reset_and_kill -- rerun_after_sigkill) || return 1
    record rollout "rerun right after SIGKILL mid-statement" "$ROLLOUT_STEPS" "$ours" \
        "one runner alone" "$alone" "ratio>=0.67" -
    ours=$(measure "$BENCH_RUNS" reset_and_start -- sigterm_to_exit) || return 1
    record rollout "SIGTERM mid-statement to exit 143" "$ROLLOUT_STEPS" "$ours" - - "ms<1000" -
}
