package org.caseops.architecture.bad.docket;

import org.caseops.architecture.bad.custody.HeldPerson;

/** Violates the floors: the docket reaches up into custody. */
public class UpwardDocket {
    public HeldPerson held() {
        return new HeldPerson();
    }
}
