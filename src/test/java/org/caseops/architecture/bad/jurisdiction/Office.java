package org.caseops.architecture.bad.jurisdiction;

import org.caseops.architecture.bad.access.Guard;

/** The other half of the cycle. */
public class Office {
    Guard guard;
}
