package org.caseops.architecture.bad.audit;

import org.caseops.architecture.bad.docket.UpwardDocket;

/** Violates "audit imports no feature". */
public class AuditReadsDocket {
    UpwardDocket docket;
}
