#!/usr/bin/env bash
# The monthly report (issue 18) over generated events, against its baseline: the same counts by one hand-written SQL
# query, in the same run, on the same database.
#
#   bench/monthly/monthly.sh                       (or bench/run.sh monthly)
#   CASE_EVENTS=10000000 CUSTODY_EVENTS=1000000 bench/monthly/monthly.sh     the issue's scale (not run yet)
#
# 1. `caseops serve --demo` on a fresh home (the family-op-2019 demo: 1,751 people, operations in June 2019).
# 2. As the owner, in SQL: CASE_EVENTS case events and CUSTODY_EVENTS custody moves in June 2019 over the demo's
#    people (each person's moves in time order: in custody, staged, released by a reason in turn, recorded 0–96 hours
#    after the move), CUSTODY_EVENTS/10 collateral encounters with a review task for two in three, and
#    CUSTODY_EVENTS/10 audit entries of counsel reading a person with one of five purposes (chained by the server's
#    sequencer before the report runs).
# 3. The report as auditor, all field offices, RUNS times each: the CSV (`/reports/monthly?format=csv`) and the PDF;
#    the first of each is a warm-up. Then the baseline query (bench/monthly/baseline.sql) RUNS times with psql.
# 4. The totals of the CSV and of the baseline are compared (releases by reason, custody moves, locator late, entered
#    late, collateral encounters and reviews completed, access entries, staging clocks breached); a difference fails
#    the run.
#
# Environment: CASE_EVENTS=100000 CUSTODY_EVENTS=10000 RUNS=4
# Output: bench/out/monthly/{runs.tsv,report.csv,baseline.txt,compare.tsv,machine.txt,server.log}.
set -euo pipefail
export WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/work/monthly"
export OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/out"
source "$(dirname "${BASH_SOURCE[0]}")/../faults/lib.sh"
MONTHLY_DIR="$ROOT/bench/monthly"

CASE_EVENTS=${CASE_EVENTS:-100000}
CUSTODY_EVENTS=${CUSTODY_EVENTS:-10000}
RUNS=${RUNS:-4}
PASSWORD=monthly-report-bench-2019
dir="$OUT/monthly"
export CASEOPS_HOME="$WORK/home"
export CASEOPS_DEMO_PASSWORD=$PASSWORD
trap stop_server EXIT

rm -rf "$dir" "$CASEOPS_HOME"
mkdir -p "$dir" "$CASEOPS_HOME"
build_jar
machine_info "$dir/machine.txt"
start_server "$dir/server.log" --demo

log "generating $CASE_EVENTS case events and $CUSTODY_EVENTS custody moves in June 2019"
t0=$(now)
sql -v case_events="$CASE_EVENTS" -v custody_events="$CUSTODY_EVENTS" <<'SQL'
create temporary table p as
select row_number() over (order by id) - 1 as k, id, coalesce(idncase, household_of) as family_id
from person where coalesce(idncase, household_of) is not null;
insert into case_event (occurred_at, idncase, person_id, family_id, kind, actor, summary)
select timestamptz '2019-06-01 00:00Z' + (i % 43200) * interval '1 minute', p.family_id, p.id, p.family_id,
       'NOTE_ADDED', 'bench', 'generated for the monthly report benchmark'
from generate_series(0, :case_events - 1) i join p on p.k = i % (select count(*) from p);
-- each person's moves in order: in custody, staged, released (reasons in turn); about every 29 days / moves per person
insert into custody_event (person_id, family_id, from_state, to_state, release_reason, occurred_at, recorded_at,
                           changed_by)
select p.id, p.family_id,
       (array['RELEASED', 'IN_CUSTODY', 'STAGED'])[m % 3 + 1],
       (array['IN_CUSTODY', 'STAGED', 'RELEASED'])[m % 3 + 1],
       case when m % 3 = 2 then (array['ATD', 'ORDER_OF_SUPERVISION', 'HUMANITARIAN', 'OTHER'])[(m / 3 + who) % 4 + 1] end,
       t, t + ((i::bigint * 7919) % 97) * interval '1 hour', 'bench'
from (select i, i % n as who, i / n as m, n,
             timestamptz '2019-06-01 00:00Z' + (i / n) * (interval '29 days' / greatest(1, ceil(:custody_events::numeric / n))) as t
      from generate_series(0, :custody_events - 1) i, (select count(*) as n from p) c) g
join p on p.k = g.who;
insert into encounter (family_id, described_as, kind, outcome, occurred_at, officer, place, adult, legal_basis_kind,
                       legal_basis)
select p.family_id, 'generated (synthetic)', 'COLLATERAL',
       (array['ARRESTED', 'ENROLLED_ATD', 'RELEASED_HUMANITARIAN', 'NOT_PRESENT'])[i % 4 + 1],
       timestamptz '2019-06-02 00:00Z' + (i % 40000) * interval '1 minute', 'bench', 'generated', true,
       'OTHER_AUTHORITY', 'generated'
from generate_series(0, :custody_events / 10 - 1) i join p on p.k = i % (select count(*) from p);
insert into task (type, status, title, assignee_team, field_office_code, subject_type, subject_id, created_by,
                  closed_at, closed_by, resolution)
select 'COLLATERAL_REVIEW', case when e.id % 3 = 0 then 'COMPLETED' else 'ASSIGNED' end, 'generated review',
       'HOU', 'HOU', 'ENCOUNTER', e.id::text, 'bench',
       case when e.id % 3 = 0 then timestamptz '2019-06-29 00:00Z' end, case when e.id % 3 = 0 then 'bench' end,
       case when e.id % 3 = 0 then 'generated' end
from encounter e where e.officer = 'bench' and e.id % 3 <> 1;
insert into audit_entry (recorded_at, actor, role, field_office, action, subject_type, subject_id, purpose)
select timestamptz '2019-06-03 00:00Z' + (i % 30000) * interval '1 minute', 'attorney', 'ATTORNEY', null,
       'PERSON_READ', 'PERSON', pe.a_number, 'bench purpose ' || (i % 5)
from generate_series(0, :custody_events / 10 - 1) i
join person pe on pe.id = (select id from p where p.k = i % (select count(*) from p)) and pe.a_number is not null;
analyze;
SQL
log "generated in $(secs "$t0" "$(now)") s; waiting for the audit sequencer"
for _ in $(seq 600); do
    pending=$(sql -A -t -c "select count(*) from audit_pending")
    [ "$pending" = 0 ] && break
    sleep 1
done
sql -A -t -F $'\t' -c "select 'case_event', count(*) from case_event union all select 'custody_event', count(*)
    from custody_event union all select 'encounter', count(*) from encounter union all select 'audit_chain',
    count(*) from audit_chain" >"$dir/rows.tsv"
cat "$dir/rows.tsv" >&2

base="http://localhost:$HTTP_PORT"
jar="$dir/cookies.txt"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=auditor" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$base/login"

printf 'what\trun\tseconds\tstatus\n' >"$dir/runs.tsv"
for r in $(seq "$RUNS"); do
    out=$(curl -s -o "$dir/report.csv" -w '%{http_code}\t%{time_total}' -b "$jar" \
        "$base/reports/monthly?month=2019-06&format=csv")
    printf 'report CSV\t%s\t%s\t%s\n' "$r" "$(cut -f2 <<<"$out")" "$(cut -f1 <<<"$out")" >>"$dir/runs.tsv"
    out=$(curl -s -o "$dir/report.pdf" -w '%{http_code}\t%{time_total}' -b "$jar" \
        "$base/reports/monthly.pdf?month=2019-06")
    printf 'report PDF\t%s\t%s\t%s\n' "$r" "$(cut -f2 <<<"$out")" "$(cut -f1 <<<"$out")" >>"$dir/runs.tsv"
    t0=$(now)
    sql -A -t -F $'\t' -f "$MONTHLY_DIR/baseline.sql" >"$dir/baseline.txt"
    printf 'baseline SQL\t%s\t%s\t%s\n' "$r" "$(secs "$t0" "$(now)")" "psql" >>"$dir/runs.tsv"
done

# the totals both give
csv_total() {  # $1 = section, $2 = item (a prefix): the sum of the CSV's values
    awk -F, -v s="$1" -v it="$2" '$2 == s && index($5, it) == 1 && $3 != "All" { n += $6 } END { print n + 0 }' \
        "$dir/report.csv"
}
base_total() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$dir/baseline.txt"; }
printf 'figure\treport\tbaseline\n' >"$dir/compare.tsv"
fail=0
for pair in "releases released_ATD:released_ATD" "releases released_ORDER_OF_SUPERVISION:released_ORDER_OF_SUPERVISION" \
        "releases released_HUMANITARIAN:released_HUMANITARIAN" "releases released_OTHER:released_OTHER" \
        "timeliness custody_moves:custody_moves" "timeliness locator_late:locator_late" \
        "timeliness entered_late:entered_late" "collateral encounters:collateral_encounters" \
        "collateral review_completed:review_completed" "access_outside_office ATTORNEY:access_entries" \
        "clocks_breached STAGING_HOURS:staging_breached"; do
    read -r section item <<<"${pair%%:*}"
    key=${pair##*:}
    a=$(csv_total "$section" "$item")
    b=$(base_total "$key")
    printf '%s\t%s\t%s\n' "$key" "$a" "$b" >>"$dir/compare.tsv"
    [ "$a" = "$b" ] || fail=1
done
stop_server
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$dir/machine.txt"
echo
echo "== monthly report benchmark ($dir)"
column -t -s $'\t' "$dir/rows.tsv"
echo
column -t -s $'\t' "$dir/runs.tsv"
echo
column -t -s $'\t' "$dir/compare.tsv"
[ "$fail" = 0 ] || { echo "the report and the baseline differ" >&2; exit 1; }
