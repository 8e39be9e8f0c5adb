package org.caseops.architecture.bad.notice;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Violates the controller rule: the whole controller is transactional (no mapping: never reachable). */
@RestController
@Transactional
class TransactionalClassController {
}
