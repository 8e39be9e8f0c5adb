package org.caseops.architecture.bad.custody;

import org.caseops.architecture.bad.docket.PublicController;

/** Violates the controller rule: imports another feature's controller. */
public class UsesAController {
    PublicController controller;
}
