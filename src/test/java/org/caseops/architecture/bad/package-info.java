/**
 * A deliberately bad class set, one violation per architecture rule, for {@code ArchitectureRulesCatchViolationsTest}.
 * Never used by the application; the real rules read only main classes.
 */
package org.caseops.architecture.bad;
