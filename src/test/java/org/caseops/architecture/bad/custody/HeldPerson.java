package org.caseops.architecture.bad.custody;

/** A custody class the bad docket class reaches up to. */
public class HeldPerson {
}
