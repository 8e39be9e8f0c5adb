package org.caseops.architecture.bad.system;

import org.caseops.architecture.bad.docket.UpwardDocket;

/** Violates "system imports no feature". */
public class SystemReadsDocket {
    UpwardDocket docket;
}
