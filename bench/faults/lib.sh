# Shared helpers of the fault campaigns (bench/faults/*.sh). Sourced, not run.
# Every campaign starts the processes it needs with a home of its own under bench/work/faults/, remembers their pids,
# and stops exactly those (never by name) when it ends or is interrupted.

FAULTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$FAULTS_DIR/../.." && pwd)
JAR=${JAR:-$ROOT/target/caseops.jar}
WORK=${WORK:-$ROOT/bench/work/faults}
OUT=${OUT:-$ROOT/bench/out/faults}

log() { printf '[faults %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

build_jar() {
    # built when missing, and when it is the checkout's own jar and a source or the pom is newer than it (a stale jar
    # measured the code of an earlier commit; session 12 lost two runs to that)
    if [ ! -f "$JAR" ] || { [ "$JAR" -ef "$ROOT/target/caseops.jar" ] \
            && [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]; }; then
        log "building $JAR"
        (cd "$ROOT" && mvn -B -q -DskipTests package)
    fi
}

machine_info() {  # $1 = file
    {
        echo "date: $(date -u +%FT%TZ)"
        echo "nproc: $(nproc)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
        echo "memory: $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')"
        echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "java: $(java -version 2>&1 | head -1)"
        echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '+changes')"
    } >"$1"
}

free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}

# `caseops serve` in the background on CASEOPS_HOME; sets SERVER_PID, HTTP_PORT, PG_PORT. Extra args: e.g. --demo.
SERVER_PID=
start_server() {  # $1 = log file, $2... = extra arguments
    local logfile=$1; shift
    HTTP_PORT=${HTTP_PORT:-$(free_port)}
    rm -f "$CASEOPS_HOME/postgres.port"
    PORT=$HTTP_PORT java ${SERVER_JAVA_OPTS:--Xmx512m} -jar "$JAR" serve --port "$HTTP_PORT" "$@" >>"$logfile" 2>&1 &
    SERVER_PID=$!
    local i
    for i in $(seq "${START_WAIT_S:-600}"); do
        if curl -sf -m 5 "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null 2>&1; then
            PG_PORT=$(head -1 "$CASEOPS_HOME/postgres.port")
            log "CaseOps serve (pid $SERVER_PID) ready after $i s on port $HTTP_PORT; PostgreSQL on $PG_PORT"
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$logfile" >&2; log "server died"; return 1; }
        sleep 1
    done
    log "server not ready after ${START_WAIT_S:-600} s (see $logfile)"
    return 1
}

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID" 2>/dev/null
    fi
    SERVER_PID=
}

# The postmaster of CASEOPS_HOME's embedded database, if one runs.
postmaster_pid() {
    local pid
    pid=$(head -1 "$CASEOPS_HOME/pgdata/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q postgres "/proc/$pid/cmdline" 2>/dev/null; then
        echo "$pid"
    fi
}

# Stops what is left of CASEOPS_HOME's database (a postmaster orphaned by a kill -9 of the JVM), by its pid.
stop_orphaned_postmaster() {
    local pm; pm=$(postmaster_pid)
    if [ -n "$pm" ]; then
        kill "$pm" 2>/dev/null || true
        for _ in $(seq 30); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
    fi
}

# psql as the schema's owner, with the password the embedded server keeps in CASEOPS_HOME/database.secrets
sql() { PGPASSWORD="$(sed -n 's/^owner.password=//p' "$CASEOPS_HOME/database.secrets")" \
    PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres \
    -d postgres "$@"; }

# Every write FaultClients saw acknowledged ($1: its acks.tsv) looked up in CASEOPS_HOME's database as the owner
# (verify-acks.sql: the row, its one timeline or task event, its one audit entry), into $2 as "what<TAB>count" lines.
verify_acks() {  # $1 = acks.tsv, $2 = output file
    { echo "create temp table ack (kind text, id bigint, detail text);"
      echo "\\copy ack from '$1' with (format text, delimiter E'\\t')"
      cat "$FAULTS_DIR/verify-acks.sql"; } | sql >"$2"
}

# The docket's fingerprint, as src/test/java/org/caseops/fixtures/Database.docketFingerprint computes it: every row
# of the docket and people tables in key order without import ids, surrogate ids or versions, and the event count.
docket_fingerprint() {
    local t k out=""
    for t in eoir_case:idncase proceeding:idnproceeding court_motion:idnmotion appeal:idnappeal \
            lead_rider:idnleadrider juvenile_history:idnjuvenilehistory court_application:idnproceedingappln \
            appeal_fed_court:idnappealfedcourts person:person_key; do
        k=${t#*:}; t=${t%%:*}
        out+="$t:$(sql -A -t -c "select coalesce(md5(string_agg((to_jsonb(x) - 'import_id' - 'id' - 'version')::text,
            '|' order by $k)), 'empty') from $t x") "
    done
    out+="events:$(sql -A -t -c "select count(*) from case_event")"
    echo "$out"
}

# Empties the docket as the test fixture Database.clearDocket does (the owner, custody's triggers off for the session).
clear_docket() {
    sql -c "set session_replication_role = replica" -c "truncate case_index, case_verdict, screening, case_event,
        person, juvenile_history, lead_rider, appeal, court_motion, proceeding, eoir_case, quarantine, import_file,
        import_run restart identity cascade"
}

generate_docket() {  # sets DATA
    DATA="$WORK/national-$CASES-seed$SEED"
    if [ -f "$DATA/manifest.json" ] && grep -q "\"requestedCases\" : $CASES," "$DATA/manifest.json" \
            && grep -q "\"seed\" : $SEED," "$DATA/manifest.json"; then
        log "reusing $DATA"
        return
    fi
    rm -rf "$DATA"
    mkdir -p "$DATA"
    log "generating a national docket of $CASES cases (seed $SEED) into $DATA"
    java -Xmx1g -jar "$JAR" generate --scenario national --cases "$CASES" --seed "$SEED" --out "$DATA" >&2
}
