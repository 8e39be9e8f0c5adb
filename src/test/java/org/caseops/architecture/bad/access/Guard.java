package org.caseops.architecture.bad.access;

import org.caseops.architecture.bad.jurisdiction.Office;

/** Half of a cycle: access imports jurisdiction, which imports access. */
public class Guard {
    Office office;
}
