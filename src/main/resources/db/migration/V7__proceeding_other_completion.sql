-- OTHER_COMP: how a proceeding ended when it ended without a decision (e.g. C = change of venue). The legal gate
-- needs it to tell a proceeding closed by transfer from one still pending.
alter table proceeding add column other_comp text;
