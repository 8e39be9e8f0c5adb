package org.caseops.jurisdiction;

import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: records the City of Chicago's 2019 cooperation policy (no detainers, no 287(g), no database access), as
 * the scenario describes it, so that the policy shows where it matters. Once: a later start finds it recorded.
 */
@Component
@Order(0)
@ConditionalOnExpression("${caseops.demo:false} or ${caseops.demo-users:false}")
class DemoPolicies implements ApplicationRunner {

    private final CooperationPolicies policies;

    DemoPolicies(CooperationPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (policies.history("CHI").isEmpty()) {
            policies.record("CHI", new CooperationPolicies.NewPolicy("City of Chicago", false, false, false,
                    LocalDate.of(2019, 6, 17), "CaseOps demo scenario (illustrative)",
                    "Police will not assist civil immigration enforcement; access to city databases cut off"), "demo");
        }
    }
}
