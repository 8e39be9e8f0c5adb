package org.caseops.architecture.bad.docket;

import org.springframework.web.bind.annotation.RestController;

/** Violates the controller rule: public. */
@RestController
public class PublicController {
}
