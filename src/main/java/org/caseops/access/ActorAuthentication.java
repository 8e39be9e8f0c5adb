package org.caseops.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of one request, rebuilt from the database by {@link ActorFilter}, or read with the bearer token
 * in the same query ({@link Tokens#bearer}).
 */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    /**
     * Whether the actor was read from the database in this request (so {@link ActorFilter} need not read it again).
     * Transient: a copy that went through serialization (a session) is never taken for this request's.
     */
    private final transient boolean readThisRequest;

    ActorAuthentication(Actor actor) {
        this(actor, false);
    }

    ActorAuthentication(Actor actor, boolean readThisRequest) {
        super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
        this.actor = actor;
        this.readThisRequest = readThisRequest;
        setAuthenticated(true);
    }

    Actor actor() {
        return actor;
    }

    boolean readThisRequest() {
        return readThisRequest;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return actor.username();
    }
}
