-- Ending an order of supervision or ATD (issue 16, docs/supervision.md): the reason and its detail, who ended it; each
-- condition in force ends the same day, and a device condition records whether and when the device came back.
alter table supervision add column end_reason text
    check (end_reason in ('REMOVED', 'DEPARTED', 'CUSTODY', 'ORDER_VACATED', 'STEPPED_DOWN', 'OTHER'));
alter table supervision add column end_detail text check (length(end_detail) between 3 and 2000);
alter table supervision add column ended_by text;
alter table supervision add constraint supervision_end_has_its_reason
    check ((status = 'ENDED') = (end_reason is not null and end_detail is not null and ended_by is not null));
alter table supervision add constraint supervision_ends_after_it_starts check (ended_on is null or ended_on >= start_date);

alter table supervision_condition add column device_returned_on date;
alter table supervision_condition add constraint supervision_condition_return_of_a_device
    check (device_returned_on is null or (kind in ('ANKLE_MONITOR', 'SMARTPHONE_APP') and ended_on is not null
                                          and device_returned_on >= start_date));
