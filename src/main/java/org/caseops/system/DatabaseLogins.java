package org.caseops.system;

/**
 * The two sign-ins CaseOps uses (docs/adr/005-application-database-role.md): the schema's owner, for Flyway only, and
 * the application's own login role, for the connection pool.
 */
public record DatabaseLogins(Login owner, Login app) {

    /** The application's database role: every grant of the migrations names it. */
    public static final String APP_ROLE = "caseops_app";

    public record Login(String user, String password) {
        @Override
        public String toString() {
            return user + " (password hidden)";
        }
    }
}
