-- Every write CaseOps acknowledged (the temp table ack, loaded from FaultClients' acks.tsv by lib.sh's verify_acks for
-- the server-kill campaign and the backup round trip, and by bench/failover/run.sh) looked up on the server.
\pset format unaligned
\pset fieldsep '\t'
\pset tuples_only on
select 'acknowledged ' || kind, count(*) from ack group by kind order by 1;
select 'NOTE missing or changed', count(*) from ack a where kind = 'NOTE'
    and not exists (select 1 from case_note n where n.id = a.id and n.body = a.detail);
select 'NOTE without exactly one timeline event', count(*) from ack a where kind = 'NOTE'
    and (select count(*) from case_event e where e.kind = 'CASE_NOTE_ADDED' and e.summary = 'Case note ' || a.id || ' added') <> 1;
select 'NOTE without exactly one audit entry', count(*) from ack a where kind = 'NOTE'
    and (select count(*) from audit_entry e where e.action = 'CASE_NOTE_ADDED' and e.detail = 'case note ' || a.id) <> 1;
select 'TASK missing or changed', count(*) from ack a where kind = 'TASK'
    and not exists (select 1 from task t where t.id = a.id and t.title = a.detail);
select 'TASK_START without exactly one STARTED event', count(*) from ack a where kind = 'TASK_START'
    and (select count(*) from task_event e where e.task_id = a.id and e.kind = 'STARTED') <> 1;
select 'TASK_START not started', count(*) from ack a where kind = 'TASK_START'
    and not exists (select 1 from task t where t.id = a.id and t.status <> 'ASSIGNED');
select 'HOLD_PLACED missing', count(*) from ack a where kind = 'HOLD_PLACED'
    and not exists (select 1 from legal_hold h where h.id = a.id);
select 'HOLD_LIFTED not lifted', count(*) from ack a where kind = 'HOLD_LIFTED'
    and not exists (select 1 from legal_hold h where h.id = a.id and h.lifted_on is not null);
select 'notes written (acknowledged or not)', count(*) from case_note where body like 'fault note %';
select 'notes written twice', count(*) from (select body from case_note where body like 'fault note %'
    group by body having count(*) > 1) d;
select 'tasks written twice', count(*) from (select title from task where title like 'fault task %'
    group by title having count(*) > 1) d;
select 'open holds on a case, more than one', count(*) from (select idncase from legal_hold where lifted_on is null
    group by idncase having count(*) > 1) d;
