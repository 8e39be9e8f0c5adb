#!/usr/bin/env bash
# CaseOps benchmarks. Not part of `mvn verify`: run by hand, see bench/README.md.
#
#   bench/run.sh [all|import|screening|schedule|schedule-family-op|audit|api|startup]   (default: all; api and startup only by name)
#   bench/run.sh monthly     the monthly report over generated events against one hand-written SQL query (bench/monthly/)
#   bench/run.sh backup      caseops backup while writers write, caseops restore into a fresh home, every write
#                 acknowledged before the backup looked up on it (bench/backup/)
#   bench/run.sh replica     public statistics on a streaming replica under a write load, then on the primary (bench/replica/)
#   bench/run.sh letters     call-in letters printed as PDFs and batch files against one letter's rendering (bench/letters/)
#   bench/run.sh faults | faults-import-kill | faults-server-kill | faults-writers | faults-soak | faults-fuzz
#                 the fault campaigns of issue 13 (bench/faults/, see bench/README.md); `faults` runs all five
#   bench/run.sh failover    a primary with a synchronous standby, the primary killed under a write load, the standby
#                 promoted (bench/failover/run.sh; its header lists PG_VERSIONS, CLIENTS, WRITE_S, PROMOTE_DELAY_S, ...)
#
# Parameters (environment, with defaults):
#   CASES=3000000   cases in the generated national docket
#   SEED=7          generator seed (docket and synthetic operation)
#   XMX=256m        -Xmx of the importer JVM (the figure the <512 MB RSS goal is about)
#   GEN_XMX=1g      -Xmx of the generator JVM
#   PHASES=1        restart the server once with pg_stat_statements to time the importer's SQL per statement
#                 (it slows the import about 6 %, the baseline hardly: PHASES=0 for the ratio alone)
#   KEEP_DB=0       1: keep the benchmark's PostgreSQL data directory (bench/work/home) after the run
#   JFR_IMPORT=0    1: record each import with Java Flight Recorder (settings=profile) into bench/out/import/<label>.jfr
#                 (`jfr print --events jdk.ExecutionSample` or `jfr summary`); adds a little CPU and RSS, so not for
#                 the figures recorded
#   UNITS=711 OFFICES=10 LIMIT_S=30 UNIMPROVED_S=10 SCHEDULE_XMX=1g   the schedule benchmark's operation, solver
#                 limits and heap (OFFICES up to 25; UNITS=50000 OFFICES=25 LIMIT_S=240 is the national operation)
#   AUDIT_CLIENTS=1,16,64 AUDIT_S=20 AUDIT_WARMUP_S=3   the audit benchmark's client counts and seconds per run
#   API_S=60 API_CONNECTIONS="1 16 64" API_READS="people cases families" API_HOME=bench/work/api-home
#   DATA=(generated dir) API_IMPORT_ONLY=0 API_OUT=bench/out/api   the API benchmark
#
# Raw results go to bench/out/<benchmark>/ (git-ignored); generated data and the database to bench/work/.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR=${JAR:-"$ROOT/target/caseops.jar"}
WORK="$BENCH_DIR/work"
OUT="$BENCH_DIR/out"

CASES=${CASES:-3000000}
SEED=${SEED:-7}
XMX=${XMX:-256m}
GEN_XMX=${GEN_XMX:-1g}
PHASES=${PHASES:-1}
KEEP_DB=${KEEP_DB:-0}
JFR_IMPORT=${JFR_IMPORT:-0}

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

# ------------------------------------------------------------------ prerequisites
need_tools() {
    local missing=()
    command -v psql >/dev/null || missing+=(postgresql-client)
    [ -x /usr/bin/time ] || missing+=(time)
    command -v curl >/dev/null || missing+=(curl)
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
        else
            sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}" >/dev/null
        fi
    fi
    command -v java >/dev/null || { echo "java (17+) is required" >&2; exit 1; }
}

build_jar() {
    # Built when missing, and, when it is the checkout's own jar, unless this script built it from the sources as they
    # are now (a digest of src/main and the pom kept beside it). A stale jar measured the code of an earlier commit:
    # session 12 lost two runs to that, and session 14 one more to the check before this one (file times), fooled by
    # a jar that `mvn verify` packaged after a migration was added but from classes compiled before it.
    local stamp="$ROOT/target/caseops.jar.sources" sources=""
    if [ "$JAR" -ef "$ROOT/target/caseops.jar" ] || [ ! -f "$JAR" ]; then
        sources=$(cd "$ROOT" && find src/main pom.xml -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
    fi
    if [ ! -f "$JAR" ] || { [ -n "$sources" ] && [ "$(cat "$stamp" 2>/dev/null)" != "$sources" ]; }; then
        log "building $JAR"
        (cd "$ROOT" && mvn -B -q -DskipTests package)
        [ -n "$sources" ] && echo "$sources" >"$stamp"
    fi
}

machine_info() {
    {
        echo "date: $(date -Iseconds)"
        echo "nproc: $(nproc)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
        echo "memory: $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')"
        echo "disk: $(df -h "$WORK" | awk 'NR == 2 { print $1 " " $2 " (" $4 " free)" }')"
        echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "java: $(java -version 2>&1 | head -1)"
        echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
    } >"$1"
}

# ------------------------------------------------------------------ the benchmark's PostgreSQL (CaseOps serve)
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}

SERVER_PID=
start_server() {  # $1 = log file
    local http
    http=$(free_port)
    rm -f "$CASEOPS_HOME/postgres.port"
    # PORT as well as --port: builds before the --port fix bound ${PORT:8080} whatever --port said.
    PORT=$http nohup java -Xmx512m -jar "$JAR" serve --port "$http" >"$1" 2>&1 &
    SERVER_PID=$!
    HTTP_PORT=$http
    for _ in $(seq "${START_TIMEOUT:-600}"); do
        if curl -sf "http://localhost:$http/actuator/health/readiness" >/dev/null 2>&1; then
            PG_PORT=$(head -1 "$CASEOPS_HOME/postgres.port")
            log "CaseOps serve (pid $SERVER_PID) ready; PostgreSQL on port $PG_PORT"
            return
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$1" >&2; echo "server died" >&2; exit 1; }
        sleep 1
    done
    echo "server not ready after ${START_TIMEOUT:-600} s (see $1)" >&2
    exit 1
}

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    fi
    SERVER_PID=
}

# as the owner, with the password the embedded server keeps in CASEOPS_HOME/database.secrets (docs/operations.md)
sql() { PGPASSWORD="$(sed -n 's/^owner.password=//p' "$CASEOPS_HOME/database.secrets")" \
    PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d postgres "$@"; }

# Samples the summed RSS and PSS (kB) of the postmaster and its children once a second: "epoch rss pss".
SAMPLER_PID=
start_pg_sampler() {  # $1 = output file
    local pidfile="$CASEOPS_HOME/pgdata/postmaster.pid"
    (
        while :; do
            pm=$(head -1 "$pidfile" 2>/dev/null || true)
            if [ -n "$pm" ]; then
                pids="$pm $(ps -o pid= --ppid "$pm" 2>/dev/null | tr '\n' ' ')"
                # shellcheck disable=SC2086
                awk -v t="$(date +%s.%N)" '/^Rss:/ { r += $2 } /^Pss:/ { p += $2 } END { print t, r + 0, p + 0 }' \
                    $(for p in $pids; do echo "/proc/$p/smaps_rollup"; done) 2>/dev/null || true
            fi
            sleep 1
        done
    ) >"$1" &
    SAMPLER_PID=$!
}

peak_between() {  # $1 = samples, $2 = from, $3 = to, $4 = column (2 rss, 3 pss); prints MB
    awk -v a="$2" -v b="$3" -v c="$4" '$1 >= a && $1 <= b && $c > m { m = $c } END { printf "%.0f", m / 1024 }' "$1"
}

cleanup() {
    [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
    stop_server
}
trap cleanup EXIT

# ------------------------------------------------------------------ benchmark: import
manifest_rows() {  # $1 = manifest, $2 = file name
    grep -o "\"$2\" : [0-9]*" "$1" | grep -o '[0-9]*$'
}

generate_docket() {
    if [ -n "${DATA:-}" ] && [ -f "$DATA/manifest.json" ]; then
        log "reusing $DATA (given)"
        return
    fi
    DATA="$WORK/national-$CASES-seed$SEED"
    local manifest="$DATA/manifest.json"
    if [ -f "$manifest" ] && grep -q "\"requestedCases\" : $CASES," "$manifest" \
            && grep -q "\"seed\" : $SEED," "$manifest"; then
        log "reusing $DATA"
        return
    fi
    rm -rf "$DATA"
    mkdir -p "$DATA"
    log "generating a national docket of $CASES cases (seed $SEED) into $DATA"
    local t0; t0=$(now)
    java -Xmx"$GEN_XMX" -jar "$JAR" generate --scenario national --cases "$CASES" --seed "$SEED" --out "$DATA" >&2
    log "generated in $(secs "$t0" "$(now)") s"
}

# The raw-COPY baseline: one table per input file with ALL of the file's columns (COPY cannot skip columns).
# Typed: the columns CaseOps keeps get the type of its target table (bigint, integer, date, boolean, text) and the
# key is the primary key; the columns CaseOps ignores are text. No foreign keys, no other indexes.
# Text: every column text, no key. Both load the same files with psql's \copy, one transaction per file.
baseline_sql() {  # $1 = typed|text, $2 = schema
    local typed=$1 s=$2
    t() { if [ "$typed" = typed ]; then echo "$1"; else echo text; fi; }
    pk() { if [ "$typed" = typed ]; then echo " primary key"; fi; }
    cat <<SQL
drop schema if exists $s cascade;
create schema $s;
create table $s.a_tblcase (idncase $(t bigint)$(pk), alien_city text, alien_state text, alien_zipcode text,
    updated_city text, updated_state text, nat text, lang text, custody text, case_type text,
    date_of_entry $(t date), c_birthdate text, sex text, lpr $(t boolean), address_changedon text,
    casepriority_code text, e_28_date $(t date), atty_nbr $(t integer));
create table $s.b_tblproceeding (idnproceeding $(t bigint)$(pk), idncase $(t bigint), osc_date $(t date),
    input_date text, base_city_code text, hearing_loc_code text, case_type text, dec_type text, dec_code text,
    other_comp text, comp_date $(t date), absentia $(t boolean), appeal_rsvd text, appeal_not_filed text,
    date_appeal_due_status $(t date), crim_ind text, custody text);
create table $s.tbl_court_motions (idnmotion $(t bigint)$(pk), idnproceeding $(t bigint), idncase $(t bigint),
    rec_type text, input_date text, motion_recd_date $(t date), strfilingparty text, dec text, comp_date $(t date),
    stay_grant text, blndeleted text);
create table $s.tblappeal (idnappeal $(t bigint)$(pk), idncase $(t bigint), idnproceeding $(t bigint),
    strappealcategory text, strappealtype text, strcasetype text, datappealfiled $(t date), strfiledby text,
    strbiadecision text, datbiadecision $(t date), strbiadecisiontype text, strcustody text);
create table $s.tbl_lead_rider (idnleadrider $(t bigint)$(pk), idnleadcase $(t bigint), idnridercase $(t bigint),
    datcreatedon text, datseveredon $(t date), blnactive $(t boolean), datmodifiedon text);
create table $s.tbl_juvenilehistory (idnjuvenilehistory $(t bigint)$(pk), idncase $(t bigint),
    idnproceeding $(t bigint), idnjuvenile $(t integer), datcreatedon text, datmodifiedon text);
create table $s.tbl_court_appln (idnproceedingappln $(t bigint)$(pk), idnproceeding $(t bigint), idncase $(t bigint),
    appl_code text, appl_recd_date $(t date), appl_dec text);
create table $s.tblappealfedcourts (idnappealfedcourts $(t bigint)$(pk), lngappealid $(t bigint),
    datrequestedbyoil $(t date), datfedcourtdecision $(t date), strfedcourtdecision text);
create table $s.persons ($( [ "$typed" = typed ] && echo "id bigserial primary key, ")idncase $(t bigint),
    a_number text, given_name text, family_name text, birth_date $(t date), sex text, nationality text,
    language text, us_citizen $(t boolean), lpr $(t boolean), citizenship_claim $(t boolean),
    household_of $(t bigint), relationship text, address_line text, city text, state text, zip text,
    address_as_of $(t date));
\timing on
\echo COPY a_tblcase
\copy $s.a_tblcase from '$DATA/A_TblCase.csv' with (format text, header true, null '')
\echo COPY b_tblproceeding
\copy $s.b_tblproceeding from '$DATA/B_TblProceeding.csv' with (format text, header true, null '')
\echo COPY tbl_court_motions
\copy $s.tbl_court_motions from '$DATA/tbl_Court_Motions.csv' with (format text, header true, null '')
\echo COPY tblappeal
\copy $s.tblappeal from '$DATA/tblAppeal.csv' with (format text, header true, null '')
\echo COPY tbl_lead_rider
\copy $s.tbl_lead_rider from '$DATA/tbl_Lead_Rider.csv' with (format text, header true, null '')
\echo COPY tbl_juvenilehistory
\copy $s.tbl_juvenilehistory from '$DATA/tbl_JuvenileHistory.csv' with (format text, header true, null '')
\echo COPY tbl_court_appln
\copy $s.tbl_court_appln from '$DATA/tbl_Court_Appln.csv' with (format text, header true, null '')
\echo COPY tblappealfedcourts
\copy $s.tblappealfedcourts from '$DATA/tblAppealFedCourts.csv' with (format text, header true, null '')
\echo COPY persons
\copy $s.persons (idncase, a_number, given_name, family_name, birth_date, sex, nationality, language, us_citizen, lpr, citizenship_claim, household_of, relationship, address_line, city, state, zip, address_as_of) from '$DATA/persons.csv' with (format csv, header true)
SQL
}

# Statement timings from pg_stat_statements, one line per statement, grouped into the importer's phases.
statement_report() {  # $1 = output file
    sql -A -F $'\t' -P footer=off >"$1" <<'SQL'
select case
         when query ~* '^copy stg_' then 'stage: COPY into staging (Java parses, checks, streams)'
         when query ~* '^copy (eoir_case|proceeding|court_motion|appeal|court_application|lead_rider|juvenile_history|person) \(' then 'direct: COPY into the table (Java parses and checks every row, ADR 007 step 5)'
         when query ~* '^copy quarantine' then 'quarantine'
         when query ~* '^copy import_warning' then 'warnings of rows kept'
         when query ~* 'import_analyze' then 'analyze a table written'
         when query ~* '^create temp table' then 'stage: create staging table'
         when query ~* '^analyze' then 'stage: analyze staging'
         when query ~* '^update stg_.*having count' then 'check: duplicate keys in file'
         when query ~* '^update stg_.*not exists' then 'check: references (orphans)'
         when query ~* '^update stg_appeal_fed_court' then 'stage: case of a petition from its appeal'
         when query ~* '^update stg_' then 'check: unique column taken in database'
         when query ~* '^insert into quarantine' then 'quarantine'
         when query ~* '^insert into import_warning' then 'warnings of rows kept'
         when query ~* '^with changed' then 'merge: update changed rows + events'
         when query ~* '^with ins' then 'merge: insert new rows + events'
         when query ~* '^insert into (eoir_case|proceeding|court_motion|appeal|court_application|appeal_fed_court|lead_rider|juvenile_history|person) \(' then 'merge: insert new rows (first import, plain insert)'
         when query ~* '^insert into case_index' then 'case index: build or refresh'
         when query ~* 'import_set_aside' then 'first import: set aside constraints and indexes (V149)'
         when query ~* 'import_restore' then 'first import: rebuild constraints and indexes (V149)'
         else 'other' end as phase,
       coalesce((regexp_match(query, 'stg_([a-z_]+)'))[1], '-') as staging_table,
       calls, round(total_exec_time::numeric / 1000, 2) as seconds, rows,
       shared_blks_hit + shared_blks_read as shared_blks, shared_blks_written,
       local_blks_read, local_blks_written, temp_blks_written, round(wal_bytes / 1048576) as wal_mb,
       left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query
from pg_stat_statements
where query !~* 'pg_stat_statements' and toplevel
order by total_exec_time desc
SQL
}

# Statements run inside others (track = all): the foreign-key checks PostgreSQL runs per inserted row, etc.
nested_report() {  # $1 = output file
    sql -A -F $'\t' -P footer=off >"$1" <<'SQL'
select calls, round(total_exec_time::numeric / 1000, 2) as seconds, rows,
       left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query
from pg_stat_statements where not toplevel order by total_exec_time desc limit 30
SQL
}

phase_summary() {  # $1 = statements file: prints "phase<TAB>seconds" summed
    awk -F'\t' 'NR > 1 { s[$1] += $4 } END { for (p in s) printf "%s\t%.1f\n", p, s[p] }' "$1" | sort -t$'\t' -k2 -nr
}

import_run() {  # $1 = label; sets RUN_SECONDS, RUN_RSS_MB, RUN_T0, RUN_T1
    local label=$1 dir="$OUT/import"
    [ "$PHASES" = 1 ] && sql -c "select pg_stat_statements_reset()" >/dev/null
    sql -c checkpoint
    log "import $label: java -Xmx$XMX -jar caseops.jar import --eoir $DATA --persons $DATA/persons.csv"
    local jfr=()
    [ "$JFR_IMPORT" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$dir/$label.jfr,settings=profile")
    RUN_T0=$(now)
    /usr/bin/time -v -o "$dir/$label.time" \
        java -Xmx"$XMX" "${jfr[@]}" -jar "$JAR" import --eoir "$DATA" --persons "$DATA/persons.csv" --show-quarantine 5 \
        >"$dir/$label.log" 2>&1 || { tail -40 "$dir/$label.log" >&2; exit 1; }
    RUN_T1=$(now)
    RUN_SECONDS=$(secs "$RUN_T0" "$RUN_T1")
    RUN_RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/$label.time")
    RUN_CPU=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.0f", u + s }' \
        "$dir/$label.time")
    # The importer's own span (import_run.started_at .. finished_at): the wall time less JVM and Spring start-up.
    RUN_INNER=$(sql -A -t -c "select round(extract(epoch from finished_at - started_at)::numeric, 1)
        from import_run order by id desc limit 1")
    if [ "$PHASES" = 1 ]; then
        statement_report "$dir/$label-statements.tsv"
        nested_report "$dir/$label-nested.tsv"
        phase_summary "$dir/$label-statements.tsv" >"$dir/$label-phases.tsv"
        awk -F'\t' -v w="$RUN_SECONDS" '{ s += $2 } END {
            printf "client only: JVM + Spring start-up, outside SQL\t%.1f\n", w - s }' \
            "$dir/$label-phases.tsv" >>"$dir/$label-phases.tsv"
    fi
    log "import $label: $RUN_SECONDS s, JVM peak RSS $RUN_RSS_MB MB, JVM CPU $RUN_CPU s"
    sed -n '/^Import /,$p' "$dir/$label.log" >&2
}

baseline_run() {  # $1 = typed|text; sets BASE_SECONDS, BASE_T0, BASE_T1
    local kind=$1 dir="$OUT/import"
    baseline_sql "$kind" "bench_$kind" >"$dir/baseline-$kind.sql"
    sql -c checkpoint
    log "baseline: raw COPY into $kind tables"
    BASE_T0=$(now)
    sql -f "$dir/baseline-$kind.sql" >"$dir/baseline-$kind.log" 2>&1 || { cat "$dir/baseline-$kind.log" >&2; exit 1; }
    BASE_T1=$(now)
    BASE_SECONDS=$(secs "$BASE_T0" "$BASE_T1")
    log "baseline $kind: $BASE_SECONDS s"
    sql -c "drop schema bench_$kind cascade"
}

bench_import() {
    local dir="$OUT/import"
    rm -rf "$dir"
    mkdir -p "$dir" "$WORK"
    machine_info "$dir/machine.txt"
    generate_docket
    cp "$DATA/manifest.json" "$dir/manifest.json"

    local rows=0 f n
    : >"$dir/rows.tsv"
    for f in A_TblCase.csv B_TblProceeding.csv tbl_Court_Motions.csv tblAppeal.csv tbl_Court_Appln.csv \
             tblAppealFedCourts.csv tbl_Lead_Rider.csv tbl_JuvenileHistory.csv persons.csv; do
        n=$(manifest_rows "$DATA/manifest.json" "$f")
        printf '%s\t%s\n' "$f" "$n" >>"$dir/rows.tsv"
        rows=$((rows + n))
    done
    log "$rows data rows in 9 files ($(du -shc "$DATA"/*.csv | tail -1 | cut -f1) with truth.csv)"

    # A fresh database: CaseOps' own embedded PostgreSQL 17 in a new CASEOPS_HOME, run by `serve`; the importer
    # CLI and psql both connect to it, so importer and baseline see the same server and configuration.
    export CASEOPS_HOME="$WORK/home"
    rm -rf "$CASEOPS_HOME"
    mkdir -p "$CASEOPS_HOME"
    start_server "$dir/server.log"
    if [ "$PHASES" = 1 ]; then
        sql -c "alter system set shared_preload_libraries = 'pg_stat_statements'" \
            -c "alter system set pg_stat_statements.max = 10000" \
            -c "alter system set pg_stat_statements.track = 'all'"
        stop_server
        start_server "$dir/server.log.2"
        sql -c "create extension if not exists pg_stat_statements"
    fi
    sql -A -t -c "select version()" >>"$dir/machine.txt"
    sql -A -t -c "select name || ' = ' || setting || coalesce(' ' || unit, '') from pg_settings where name in
        ('shared_buffers', 'fsync', 'synchronous_commit', 'wal_level', 'max_wal_size', 'work_mem',
         'maintenance_work_mem', 'checkpoint_timeout', 'shared_preload_libraries') order by name" \
        >"$dir/pg-settings.txt"
    start_pg_sampler "$dir/pg-memory.tsv"

    import_run first
    local i1_s=$RUN_SECONDS i1_in=$RUN_INNER i1_rss=$RUN_RSS_MB i1_cpu=$RUN_CPU i1_t0=$RUN_T0 i1_t1=$RUN_T1
    import_run again
    local i2_s=$RUN_SECONDS i2_in=$RUN_INNER i2_rss=$RUN_RSS_MB i2_cpu=$RUN_CPU i2_t0=$RUN_T0 i2_t1=$RUN_T1
    sql -A -t -c "select pg_size_pretty(pg_database_size('postgres'))" >"$dir/db-size-after-import.txt"

    baseline_run typed
    local bt_s=$BASE_SECONDS bt_t0=$BASE_T0 bt_t1=$BASE_T1
    baseline_run text
    local bx_s=$BASE_SECONDS bx_t0=$BASE_T0 bx_t1=$BASE_T1
    kill "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=

    local m="$dir/pg-memory.tsv"
    {
        printf 'metric\tvalue\n'
        printf 'cases\t%s\n' "$CASES"
        printf 'seed\t%s\n' "$SEED"
        printf 'data_rows\t%s\n' "$rows"
        printf 'importer_xmx\t%s\n' "$XMX"
        printf 'import_seconds\t%s\n' "$i1_s"
        printf 'import_rows_per_s\t%s\n' "$(rate "$rows" "$i1_s")"
        printf 'import_in_process_seconds\t%s\n' "$i1_in"
        printf 'import_jvm_peak_rss_mb\t%s\n' "$i1_rss"
        printf 'import_jvm_cpu_s\t%s\n' "$i1_cpu"
        printf 'import_pg_peak_rss_sum_mb\t%s\n' "$(peak_between "$m" "$i1_t0" "$i1_t1" 2)"
        printf 'import_pg_peak_pss_sum_mb\t%s\n' "$(peak_between "$m" "$i1_t0" "$i1_t1" 3)"
        printf 'reimport_seconds\t%s\n' "$i2_s"
        printf 'reimport_rows_per_s\t%s\n' "$(rate "$rows" "$i2_s")"
        printf 'reimport_in_process_seconds\t%s\n' "$i2_in"
        printf 'reimport_jvm_peak_rss_mb\t%s\n' "$i2_rss"
        printf 'reimport_jvm_cpu_s\t%s\n' "$i2_cpu"
        printf 'reimport_pg_peak_pss_sum_mb\t%s\n' "$(peak_between "$m" "$i2_t0" "$i2_t1" 3)"
        printf 'baseline_typed_seconds\t%s\n' "$bt_s"
        printf 'baseline_typed_rows_per_s\t%s\n' "$(rate "$rows" "$bt_s")"
        printf 'baseline_typed_pg_peak_pss_sum_mb\t%s\n' "$(peak_between "$m" "$bt_t0" "$bt_t1" 3)"
        printf 'baseline_text_seconds\t%s\n' "$bx_s"
        printf 'baseline_text_rows_per_s\t%s\n' "$(rate "$rows" "$bx_s")"
        printf 'ratio_import_to_typed_copy\t%s\n' "$(awk -v a="$bt_s" -v b="$i1_s" 'BEGIN { printf "%.3f", a / b }')"
        printf 'ratio_import_to_text_copy\t%s\n' "$(awk -v a="$bx_s" -v b="$i1_s" 'BEGIN { printf "%.3f", a / b }')"
        printf 'ratio_reimport_to_typed_copy\t%s\n' "$(awk -v a="$bt_s" -v b="$i2_s" 'BEGIN { printf "%.3f", a / b }')"
    } >"$dir/summary.tsv"

    echo
    echo "== import benchmark: $CASES cases, seed $SEED ($OUT/import)"
    column -t -s $'\t' "$dir/rows.tsv"
    echo
    column -t -s $'\t' "$dir/summary.tsv"
    if [ "$PHASES" = 1 ]; then
        echo
        echo "-- first import, server time by phase (pg_stat_statements; seconds):"
        column -t -s $'\t' "$dir/first-phases.tsv"
        echo "-- re-import, server time by phase:"
        column -t -s $'\t' "$dir/again-phases.tsv"
    fi

    stop_server
    if [ "$KEEP_DB" != 1 ]; then
        rm -rf "$CASEOPS_HOME"
    fi
}

# ------------------------------------------------------------------ screening
# The legal gate's whole-docket screening (`caseops screen`) against one hand-written SQL query that computes only
# the executable boolean (bench/screening/executable.sql), on the same database, in the same run. Uses the docket the
# import benchmark left (KEEP_DB=1), or imports the generated one first (untimed).
bench_screening() {
    local dir="$OUT/screening" asof=${AS_OF:-2019-06-23} runs=${RUNS:-3}
    rm -rf "$dir"
    mkdir -p "$dir" "$WORK"
    machine_info "$dir/machine.txt"
    export CASEOPS_HOME="$WORK/home"
    if [ ! -d "$CASEOPS_HOME/pgdata" ]; then
        generate_docket
        mkdir -p "$CASEOPS_HOME"
        start_server "$dir/server.log"
        log "importing the generated docket (untimed) for the screening benchmark"
        java -Xmx"$XMX" -jar "$JAR" import --eoir "$DATA" --persons "$DATA/persons.csv" >"$dir/import.log" 2>&1
    else
        start_server "$dir/server.log"
    fi
    local cases final
    cases=$(sql -A -t -c "select count(*) from eoir_case")
    final=$(sql -A -t -c "select count(*) from case_summary where order_type = 'REMOVAL_ORDERED'")
    log "$cases cases, $final with a removal order in their latest proceeding"
    # Run 1 computes and stores every verdict (none stored for this date); runs 2..RUNS re-screen with nothing
    # changed (only the change logs are read, V84); then one after 1,000 new legal holds (those cases are read), and
    # one after a docket write (as an import would make: the whole docket is read again, unchanged facts reused).
    sql -c "delete from case_verdict where as_of = '$asof'" -c "vacuum case_verdict"
    printf 'run\tkind\tscreening_ms\tcases\tchanged\tread\texecutable\tnot_executable\tfrozen\tsql_ms\tsql_executable\n' \
        >"$dir/runs.tsv"
    local i kind out report sqlms sqlexec
    for i in $(seq $((runs + 2))); do
        kind=re-screen
        [ "$i" = 1 ] && kind=first
        if [ "$i" = $((runs + 1)) ]; then
            kind=after-1000-holds
            sql -c "insert into legal_hold (idncase, placed_on, placed_by, reason)
                select idncase, '$asof'::date - 1, 'bench', 'bench: screening after new holds'
                from case_verdict where as_of = '$asof' and status = 'EXECUTABLE' order by idncase limit 1000" >/dev/null
        elif [ "$i" = $((runs + 2)) ]; then
            kind=after-docket-write
            sql -c "update case_index set field_office_code = field_office_code where false" >/dev/null
        fi
        java -Xmx"$XMX" -jar "$JAR" screen --as-of "$asof" >"$dir/screen-$i.log" 2>&1
        report=$(sql -A -t -F $'\t' -c "select (report->>'millis'), cases, cases - reused,
            coalesce(report->>'read', ''), report->'verdicts'->>'executable', report->'verdicts'->>'notExecutable',
            report->'verdicts'->>'frozen'
            from screening order by id desc limit 1")
        out=$(sql -v as_of="$asof" -A -t -F $'\t' -c '\timing on' -f "$ROOT/bench/screening/executable.sql" 2>&1)
        sqlms=$(printf '%s\n' "$out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
        sqlexec=$(printf '%s\n' "$out" | grep -E '^[0-9]+\s[0-9]+$' | cut -f1)
        printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$kind" "$report" "$sqlms" "$sqlexec" >>"$dir/runs.tsv"
        log "run $i ($kind): screening $(cut -f1 <<<"$report") ms, SQL boolean $sqlms ms"
    done
    # the bench's holds go again (their cases are read by the next screening of the date)
    sql -c "delete from legal_hold where placed_by = 'bench'" >/dev/null
    echo "cases	$cases" >"$dir/summary.tsv"
    echo "removal orders	$final" >>"$dir/summary.tsv"
    awk -F'\t' 'NR > 1 { printf "run %s %s\tscreening %.1f s (%s judged, facts of %s read)\tSQL boolean %.1f s\tratio %.2f\texecutable %s (SQL %s)\n", $1, $2, $3 / 1000, $5, $6, $10 / 1000, $3 / $10, $7, $11 }' \
        "$dir/runs.tsv" >>"$dir/summary.tsv"
    column -t -s $'\t' "$dir/summary.tsv"
    stop_server
}

# ------------------------------------------------------------------ schedule
# The operation scheduler (org.caseops.operation.schedule) on a synthetic operation: the greedy baseline and the
# Timefold solver, in one JVM (bench/schedule/ScheduleBench.java, compiled here against target/classes). No database.
bench_schedule() {
    local dir="$OUT/schedule" classes="$WORK/schedule-classes" cpfile="$WORK/schedule-classpath.txt"
    local units=${UNITS:-711} offices=${OFFICES:-10} limit=${LIMIT_S:-30} unimproved=${UNIMPROVED_S:-10}
    local xmx=${SCHEDULE_XMX:-1g}
    rm -rf "$dir" "$classes"
    mkdir -p "$dir" "$classes"
    machine_info "$dir/machine.txt"
    log "compiling CaseOps and bench/schedule/ScheduleBench.java"
    (cd "$ROOT" && mvn -B -q compile dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile="$cpfile" >/dev/null)
    local cp="$ROOT/target/classes:$(cat "$cpfile")"
    javac -d "$classes" -cp "$cp" "$BENCH_DIR/schedule/ScheduleBench.java"
    log "scheduling $units units in $offices offices (seed $SEED), greedy then solver (limit ${limit} s, unimproved ${unimproved} s)"
    java -Xmx"$xmx" -Dlogback.configurationFile="$BENCH_DIR/schedule/logback.xml" -cp "$classes:$cp" ScheduleBench \
        "$SEED" "$units" "$offices" "$limit" "$unimproved" "$dir" >"$dir/stdout.txt" 2>"$dir/solver.log"
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$dir/machine.txt"
    echo
    echo "== schedule benchmark: $units units, $offices offices, seed $SEED ($dir)"
    column -t -s $'\t' "$dir/summary.tsv"
    echo
    column -t -s $'\t' "$dir/constraints.tsv"
}

# ------------------------------------------------------------------ schedule-family-op
# The same comparison on the operation CaseOps builds from the generated family-op-2019 docket (ten cities, every
# eligible unit targeted, each member's executable days from the legal gate): FamilyOpScheduleBench, run by Maven on
# the test classpath with a throw-away embedded PostgreSQL.
bench_schedule_family_op() {
    local dir="$OUT/schedule-family-op" limit=${LIMIT_S:-30}
    rm -rf "$dir"
    mkdir -p "$dir"
    machine_info "$dir/machine.txt"
    log "family-op-2019 operation: greedy then solver (limit ${limit} s)"
    (cd "$ROOT" && mvn -B -q test -Dtest=FamilyOpScheduleBench -Dsurefire.failIfNoSpecifiedTests=false \
        -Dbench.out="$dir" -Dbench.limit="$limit" >"$dir/maven.log" 2>&1)
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$dir/machine.txt"
    echo
    echo "== schedule benchmark on the family-op-2019 docket ($dir)"
    column -t -s $'\t' "$dir/summary.tsv"
}

# ------------------------------------------------------------------ audit
# Concurrent audited reads against CaseOps's own PostgreSQL while `caseops serve` runs: the V10 append (one lock held
# to commit) against the V45 append (one insert; the server's sequencer chains after commit), at each client count,
# in one JVM (bench/audit/AuditBench.java, plain JDBC). A fresh CASEOPS_HOME; no docket needed.
bench_audit() {
    local dir="$OUT/audit" classes="$WORK/audit-classes" cpfile="$WORK/audit-classpath.txt"
    rm -rf "$dir" "$classes" "$WORK/audit-home"
    mkdir -p "$dir" "$classes" "$WORK/audit-home"
    machine_info "$dir/machine.txt"
    (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$cpfile" \
        >/dev/null)
    javac -d "$classes" "$BENCH_DIR/audit/AuditBench.java"
    export CASEOPS_HOME="$WORK/audit-home"
    start_server "$dir/server.log"
    log "audited reads, before (V10 lock) and after (V45 sequencer), clients ${AUDIT_CLIENTS:-1,16,64}, ${AUDIT_S:-20} s each"
    java -Xmx512m -cp "$classes:$(cat "$cpfile")" AuditBench \
        "jdbc:postgresql://localhost:$PG_PORT/postgres?user=postgres" "${AUDIT_CLIENTS:-1,16,64}" "${AUDIT_S:-20}" \
        "${AUDIT_WARMUP_S:-3}" "$ROOT/src/main/resources/db/migration/V10__audit_trail.sql" "$dir" \
        >"$dir/stdout.txt" 2>"$dir/stderr.txt"
    sql -A -t -F $'\t' -c "select count(*), count(distinct position), max(position), min(position)
        from audit_chain" >"$dir/chain.tsv"
    java -jar "$JAR" audit verify >"$dir/verify.txt" 2>&1 || true
    stop_server
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$dir/machine.txt"
    echo
    echo "== audit benchmark ($dir)"
    column -t -s $'\t' "$dir/runs.tsv"
    echo
    column -t -s $'\t' "$dir/summary.tsv"
    grep -m1 "Audit trail" "$dir/verify.txt"
}


# ------------------------------------------------------------------ api
# The API under load (wrk) against a raw-JDBC baseline (bench/api/ApiBaseline.java) answering the same three reads with
# the same SQL, in the same run, on a generated national docket imported once into API_HOME and kept (the import is
# not timed). For each read and each connection count: wrk on CaseOps, then wrk on the baseline.
api_wrk() {  # $1 = label, $2 = base URL, $3 = paths file, $4 = connections; appends to runs.tsv
    local label=$1 base=$2 paths=$3 c=$4 threads out rps p50 p99 max non2xx socket total
    threads=$(( c < 2 ? 1 : 2 ))
    out=$(PATHS=$paths wrk -t$threads -c"$c" -d"${API_S}s" --timeout 10s --latency -s "$BENCH_DIR/api/paths.lua" \
        -H "Authorization: Bearer $API_TOKEN" -H "X-Purpose: benchmark" "$base")
    printf '%s\n' "$out" >"$API_DIR/wrk-$label-$(basename "$paths" .txt)-$c.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    total=$(awk '/requests in/ {print $1}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    socket=$(grep 'Socket errors' <<<"$out" | grep -oE '[0-9]+' | paste -sd+ - | bc || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$paths" .txt)" "$label" "$c" "$total" "$rps" "$p50" "$p99" \
        "$(( ${non2xx:-0} + ${socket:-0} ))" >>"$API_DIR/runs.tsv"
    log "$(basename "$paths" .txt) $label c=$c: $rps req/s, p50 $p50, p99 $p99, errors $(( ${non2xx:-0} + ${socket:-0} ))"
}

bench_api() {
    API_DIR=${API_OUT:-$OUT/api}
    local classes="$API_DIR/classes" cpfile="$API_DIR/classpath.txt" c
    API_S=${API_S:-60}
    local conns=${API_CONNECTIONS:-"1 16 64"} home=${API_HOME:-$WORK/api-home}
    command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
    rm -rf "$API_DIR"
    mkdir -p "$API_DIR" "$classes" "$WORK"
    machine_info "$API_DIR/machine.txt"
    (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$cpfile" \
        >/dev/null)
    javac -d "$classes" -cp "$(cat "$cpfile")" "$BENCH_DIR/api/ApiBaseline.java"
    export CASEOPS_HOME="$home"
    if [ ! -f "$CASEOPS_HOME/api-bench-imported" ]; then
        generate_docket
        rm -rf "$CASEOPS_HOME"
        mkdir -p "$CASEOPS_HOME"
        start_server "$API_DIR/server-import.log"
        sql -c "alter system set shared_preload_libraries = 'pg_stat_statements'" \
            -c "alter system set pg_stat_statements.max = 10000"
        log "importing $DATA into $CASEOPS_HOME (untimed; kept for later runs)"
        local t0; t0=$(now)
        java -Xmx"$XMX" -jar "$JAR" import --eoir "$DATA" --persons "$DATA/persons.csv" >"$API_DIR/import.log" 2>&1 \
            || { tail -40 "$API_DIR/import.log" >&2; exit 1; }
        log "imported in $(secs "$t0" "$(now)") s"
        echo "$DATA" >"$CASEOPS_HOME/api-bench-imported"
        stop_server
    fi
    [ "${API_IMPORT_ONLY:-0}" = 1 ] && return
    start_server "$API_DIR/server.log"
    local caseops="http://localhost:$HTTP_PORT"
    sql -c "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true
    sql -A -t -c "select count(*) from eoir_case" >"$API_DIR/docket-cases.txt"
    {
        echo "caseops threads (CASEOPS_HTTP_THREADS): ${CASEOPS_HTTP_THREADS:-default}; pool (CASEOPS_DB_POOL_SIZE): ${CASEOPS_DB_POOL_SIZE:-default}; connection per request: ${CASEOPS_DB_CONNECTION_PER_REQUEST:-default}"
        echo "baseline threads: ${API_BASELINE_THREADS:-200}; pool: ${API_BASELINE_POOL:-10}"
        echo "jar: $JAR"
    } >>"$API_DIR/machine.txt"
    # The busiest field office; an officer of it (so a purpose is not required, but one is sent and recorded)
    local office; office=$(sql -A -t -c "select field_office_code from case_index where field_office_code is not null
        group by 1 order by count(*) desc limit 1")
    java -jar "$JAR" user add bench-officer --role OFFICER --field-office "$office" --password-stdin \
        <<<"bench-officer-password-$SEED" >/dev/null 2>&1 || true
    API_TOKEN=$(java -jar "$JAR" user token bench-officer --days 1 --name api-bench 2>/dev/null | grep -oE 'cop_[A-Za-z0-9_-]+' | head -1)
    [ -n "$API_TOKEN" ] || { echo "no token for bench-officer" >&2; exit 1; }
    # What the clients read: 2,000 random people, families and pages of that office
    sql -A -t -c "select '/api/people/' || p.a_number from person p join family_member m on m.person_id = p.id
        join case_index ci on ci.idncase = m.family_id where ci.field_office_code = '$office'
        order by random() limit 2000" >"$API_DIR/people.txt"
    sql -A -t -c "select '/api/cases?fieldOffice=$office&page=' || g || '&size=50' from generate_series(0,
        least(1999, (select count(*) from case_index where field_office_code = '$office') / 50)) g
        order by random()" >"$API_DIR/cases.txt"
    sql -A -t -c "select '/api/families/' || idncase || '/executability' from case_index
        where family_id = idncase and field_office_code = '$office' order by random() limit 2000" \
        >"$API_DIR/families.txt"
    log "office $office: $(wc -l <"$API_DIR/people.txt") people, $(wc -l <"$API_DIR/cases.txt") pages, $(wc -l <"$API_DIR/families.txt") families"
    local bport; bport=$(free_port)
    java -Xmx512m -cp "$classes:$(cat "$cpfile")" ApiBaseline "jdbc:postgresql://localhost:$PG_PORT/postgres" postgres \
        "$(sed -n 's/^owner.password=//p' "$CASEOPS_HOME/database.secrets")" "$bport" "${API_BASELINE_POOL:-10}" \
        "${API_BASELINE_THREADS:-200}" >"$API_DIR/baseline.log" 2>&1 &
    local baseline_pid=$!
    for _ in $(seq 60); do curl -sf "http://localhost:$bport/health" >/dev/null 2>&1 && break; sleep 1; done
    local baseline="http://localhost:$bport"
    # warm both (JIT, caches): 10 s each on every read at 16 connections, not recorded
    local saved=$API_S p
    API_S=${API_WARMUP_S:-10}
    for p in people cases families; do
        api_wrk warmup "$caseops" "$API_DIR/$p.txt" 16 >/dev/null 2>&1
        api_wrk warmup "$baseline" "$API_DIR/$p.txt" 16 >/dev/null 2>&1
    done
    API_S=$saved
    printf 'read\tserver\tconnections\trequests\treq_per_s\tp50\tp99\terrors\n' >"$API_DIR/runs.tsv"
    for p in ${API_READS:-people cases families}; do
        for c in $conns; do
            api_wrk caseops "$caseops" "$API_DIR/$p.txt" "$c"
            api_wrk baseline "$baseline" "$API_DIR/$p.txt" "$c"
            health=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$caseops/actuator/health" || echo timeout)
            printf '%s\t%s\t%s\n' "$p" "$c" "$health" >>"$API_DIR/health.tsv"
        done
    done
    # The profile, in a run of its own after the measured ones (recording costs the server CPU): CaseOps' reads of
    # API_PROFILE_READS (default people) at 64 connections under JFR, and pg_stat_statements over the same span
    API_S=${API_PROFILE_S:-30}
    for p in ${API_PROFILE_READS:-people}; do
        sql -c "select pg_stat_statements_reset()" >/dev/null 2>&1 || true
        jcmd "$SERVER_PID" JFR.start name="api-$p" duration="${API_S}s" filename="$API_DIR/caseops-$p-64.jfr" \
            >/dev/null 2>&1 || true
        api_wrk profile "$caseops" "$API_DIR/$p.txt" 64
        sql -A -F $'\t' -P footer=off -c "select calls, round(total_exec_time::numeric, 0) as ms,
            round((total_exec_time / calls)::numeric, 3) as ms_per_call, rows,
            left(regexp_replace(query, '\s+', ' ', 'g'), 140) as query from pg_stat_statements
            order by total_exec_time desc limit 25" >"$API_DIR/caseops-$p-64-statements.tsv" 2>/dev/null || true
        sleep 2
    done
    API_S=$saved
    kill "$baseline_pid" 2>/dev/null || true
    wait "$baseline_pid" 2>/dev/null || true
    sleep 2
    for p in ${API_PROFILE_READS:-people}; do
        if [ -f "$API_DIR/caseops-$p-64.jfr" ]; then
            "$BENCH_DIR/api/jfr-top.sh" "$API_DIR/caseops-$p-64.jfr" >"$API_DIR/caseops-$p-64-profile.txt" 2>&1 || true
        fi
    done
    stop_server
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$API_DIR/machine.txt"
    # ratio CaseOps / baseline per read and connection count
    awk -F'\t' 'NR > 1 && ($2 == "caseops" || $2 == "baseline") { k = $1 "\t" $3; if ($2 == "caseops") { c[k] = $5; p[k] = $7; e[k] = $8 } else b[k] = $5; o[NR] = k }
        END { printf "read\tconnections\tcaseops_req_per_s\tbaseline_req_per_s\tratio\tcaseops_p99\tcaseops_errors\n";
              for (i = 2; i <= NR; i++) { k = o[i]; if (k == "" || k in seen) continue; seen[k] = 1;
                  printf "%s\t%s\t%s\t%.3f\t%s\t%s\n", k, c[k], b[k], c[k] / b[k], p[k], e[k] } }' \
        "$API_DIR/runs.tsv" >"$API_DIR/summary.tsv"
    echo
    echo "== API benchmark: $(cat "$API_DIR/docket-cases.txt" 2>/dev/null | head -1) cases ($API_DIR)"
    column -t -s $'\t' "$API_DIR/summary.tsv"
}

# ------------------------------------------------------------------ startup
# Start-up to healthy (readiness UP): `serve --demo` on a fresh home (database created, migrations, reference data,
# demo docket generated and imported), then `serve` on that home, then `serve --demo` on it again (demo data already
# there), for each way of running the jar in STARTUP_MODES:
#   readme  the README's command: the extracted jar with the build's class-data-sharing archive and the client
#           compiler only (-XX:TieredStopAtLevel=1)
#   server  the extracted jar with the archive, both compilers (docs/operations.md, "Start-up": for a server)
#   fat     java -jar target/caseops.jar, as every start before issue 12's goal 6 was measured
# Each start's log lines are printed with their offset from the launch, which shows where the time goes.
STARTUP_MODES=${STARTUP_MODES:-readme server fat}
EXTRACTED=${EXTRACTED:-"$ROOT/target/caseops"}

startup_command() {  # $1 = mode: prints the java command line before "serve"
    case "$1" in
        readme) echo "java -Xmx512m -XX:SharedArchiveFile=$EXTRACTED/caseops.jsa -XX:TieredStopAtLevel=1 -jar $EXTRACTED/caseops.jar" ;;
        server) echo "java -Xmx512m -XX:SharedArchiveFile=$EXTRACTED/caseops.jsa -jar $EXTRACTED/caseops.jar" ;;
        fat)    echo "java -Xmx512m -jar $JAR" ;;
        *) echo "unknown start-up mode $1 (readme, server, fat)" >&2; exit 2 ;;
    esac
}

startup_run() {  # $1 = mode, $2 = label, $3... = serve arguments; appends to runs.tsv
    local mode=$1 label=$2 dir="$OUT/startup" http t0 t1 pid cpu
    shift 2
    http=$(free_port)
    t0=$(now)
    # shellcheck disable=SC2046
    (cd "$ROOT" && CASEOPS_DEMO_PASSWORD=bench-password-2019 PORT=$http exec $(startup_command "$mode") serve \
        --port "$http" "$@" >"$dir/$mode-$label.log" 2>&1) &
    pid=$!
    SERVER_PID=$pid
    for _ in $(seq $(( ${START_TIMEOUT:-600} * 10 ))); do
        curl -sf "http://localhost:$http/actuator/health/readiness" >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || { tail -30 "$dir/$mode-$label.log" >&2; echo "server died" >&2; exit 1; }
        sleep 0.1
    done
    t1=$(now)
    # the JVM's CPU seconds (user + system, all its threads) until it answered: a figure the machine's load
    # changes far less than the wall-clock one
    cpu=$(awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$pid/stat")
    printf '%s\t%s\t%s\t%s\t%s\n' "$mode" "$label" "$(secs "$t0" "$t1")" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" \
        >>"$dir/runs.tsv"
    log "$mode $label: healthy after $(secs "$t0" "$t1") s (JVM CPU $cpu s)"
    # offsets of the log lines from the launch (log times are UTC ISO-8601 with milliseconds)
    awk -v t0="$t0" '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ {  # (mawk: no {n} intervals)
            cmd = "date -d " $1 " +%s.%N"; cmd | getline t; close(cmd)
            msg = $0; sub(/^.*\] [^ ]+ +: /, "", msg)
            printf "%7.1f s  %s\n", t - t0, substr(msg, 1, 150) }' "$dir/$mode-$label.log" >"$dir/$mode-$label-timeline.txt"
    stop_server
}

bench_startup() {
    local dir="$OUT/startup" mode
    rm -rf "$dir"
    mkdir -p "$dir"
    for mode in $STARTUP_MODES; do
        if [ "$mode" != fat ] && [ ! -f "$EXTRACTED/caseops.jsa" ]; then
            log "building $EXTRACTED (the extracted jar and its class-data-sharing archive)"
            (cd "$ROOT" && mvn -B -q -DskipTests package)
        fi
    done
    machine_info "$dir/machine.txt"
    printf 'mode\tstart\tseconds_to_healthy\tjvm_cpu_seconds\tload_1min\n' >"$dir/runs.tsv"
    for mode in $STARTUP_MODES; do
        rm -rf "$WORK/startup-home"
        mkdir -p "$WORK/startup-home"
        export CASEOPS_HOME="$WORK/startup-home"
        echo "$mode: $(startup_command "$mode") serve ..." >>"$dir/machine.txt"
        startup_run "$mode" demo-fresh-home --demo
        startup_run "$mode" serve-existing-home
        startup_run "$mode" demo-existing-home --demo
    done
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$dir/machine.txt"
    rm -rf "$WORK/startup-home"
    echo
    echo "== start-up ($dir; goals: serve on an existing home <= 10 s, serve --demo on a fresh home <= 30 s)"
    column -t -s $'\t' "$dir/runs.tsv"
}

# ------------------------------------------------------------------ fault campaigns (issue 13)
# Each is bounded and stops what it started; the shell ones live in bench/faults/, the two in the test suite run
# here scaled up by a system property. Results go to bench/out/faults/<campaign>/.
faults_maven() {  # $1 = campaign, $2 = test class, $3... = -D properties
    local dir="$OUT/faults/$1" campaign=$1 class=$2
    shift 2
    rm -rf "$dir"
    mkdir -p "$dir" "$WORK"
    machine_info "$dir/machine.txt"
    log "$campaign: mvn test -Dtest=$class $*"
    local rc=0
    (cd "$ROOT" && mvn -B -q test -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
        >"$dir/maven.log" 2>&1) || rc=$?
    cp "$ROOT/target/surefire-reports/TEST-org.caseops.hardening.$class.xml" "$dir/" 2>/dev/null || true
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$dir/machine.txt"
    grep -E 'Tests run:|fuzz seed|FAIL' "$dir/maven.log" | head -20 || true
    echo "$campaign: $([ $rc -eq 0 ] && echo passed || echo FAILED) ($dir)"
    return $rc
}

run_faults() {
    local rc=0
    case "$1" in
        faults-import-kill|faults) "$BENCH_DIR/faults/import-kill.sh" || rc=1 ;;&
        faults-server-kill|faults) "$BENCH_DIR/faults/server-kill.sh" || rc=1 ;;&
        faults-writers|faults) faults_maven writers SixtyFourWritersTest \
            -Dcaseops.writers="${WRITERS:-64}" -Dcaseops.writers.rounds="${WRITER_ROUNDS:-10}" || rc=1 ;;&
        faults-soak|faults) "$BENCH_DIR/faults/soak.sh" || rc=1 ;;&
        faults-fuzz|faults) faults_maven fuzz ImporterFuzzTest -Dcaseops.fuzz.rows="${FUZZ_ROWS:-100000}" \
            -Dcaseops.fuzz.seed="${FUZZ_SEED:-13}" || rc=1 ;;
    esac
    return $rc
}

# ------------------------------------------------------------------ main
what=${1:-all}
case "$what" in
    faults|faults-import-kill|faults-server-kill|faults-writers|faults-soak|faults-fuzz)
        mkdir -p "$OUT" "$WORK"
        trap - EXIT
        run_faults "$what"
        exit $? ;;
    monthly)
        trap - EXIT
        exec "$BENCH_DIR/monthly/monthly.sh" ;;
    letters)
        trap - EXIT
        exec "$BENCH_DIR/letters/letters.sh" ;;
    failover)
        trap - EXIT
        exec "$BENCH_DIR/failover/run.sh" ;;
    replica)
        trap - EXIT
        exec "$BENCH_DIR/replica/replica.sh" ;;
    backup)
        trap - EXIT
        exec "$BENCH_DIR/backup/roundtrip.sh" ;;
    all|import|screening|schedule|schedule-family-op|audit|api|startup) ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown benchmark: $what (all|import|screening|schedule|schedule-family-op|audit|api|startup|monthly|letters|failover|faults|faults-...)" >&2
       exit 2 ;;
esac
mkdir -p "$OUT" "$WORK"
if [ "$what" != schedule ] && [ "$what" != schedule-family-op ]; then
    need_tools
    build_jar
fi
if [ "$what" = all ] || [ "$what" = import ]; then
    bench_import
fi
if [ "$what" = all ] || [ "$what" = screening ]; then
    bench_screening
fi
if [ "$what" = all ] || [ "$what" = schedule ]; then
    command -v javac >/dev/null || { echo "javac (JDK 17+) is required" >&2; exit 1; }
    bench_schedule
fi
if [ "$what" = all ] || [ "$what" = schedule-family-op ]; then
    bench_schedule_family_op
fi
if [ "$what" = all ] || [ "$what" = audit ]; then
    bench_audit
fi
if [ "$what" = api ]; then
    bench_api
fi
if [ "$what" = startup ]; then
    bench_startup
fi
