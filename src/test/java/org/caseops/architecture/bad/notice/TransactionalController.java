package org.caseops.architecture.bad.notice;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/** Violates the controller rule: opens the use case's transaction itself (no mapping: never reachable). */
@Controller
class TransactionalController {

    @Transactional
    String change() {
        return "changed";
    }
}
