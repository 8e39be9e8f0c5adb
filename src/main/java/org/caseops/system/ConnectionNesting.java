package org.caseops.system;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Guards the pool against a thread that holds one pooled connection and asks for another: a query run inside another
 * query's row mapper, or a service with its own connection called inside a transaction. Under load every request
 * thread then holds one connection and waits for a second, the pool runs dry and nothing answers again (issue 12).
 * One request, one connection at a time.
 *
 * <p>{@code caseops.db.nested-connections} says what happens when it occurs: {@code fail} (the tests' setting) refuses
 * the second connection with an {@link IllegalStateException} naming the rule, so the code path fails loudly at its
 * first run; {@code warn} (the default) logs it with the stack that shows both call sites, once per call site;
 * {@code off} leaves the pool unwrapped. Only the application's pool ({@code dataSource}) is guarded.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionNesting {

    private static final Logger log = LoggerFactory.getLogger(ConnectionNesting.class);

    public enum Mode { OFF, WARN, FAIL }

    /** Every nesting seen in this JVM, as a one-line description and the stack; tests assert it stays empty. */
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    /** Connections the current thread holds from the guarded pool. */
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

    /** Connections the current thread has taken from the guarded pool so far (never goes down). */
    private static final ThreadLocal<long[]> TAKEN = ThreadLocal.withInitial(() -> new long[1]);

    @Bean
    static BeanPostProcessor connectionNestingGuard(Environment environment) {
        Mode mode = Mode.valueOf(environment.getProperty("caseops.db.nested-connections", "warn").trim()
                .toUpperCase(Locale.ROOT));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (mode != Mode.OFF && "dataSource".equals(name) && bean instanceof DataSource dataSource
                        && !(bean instanceof Guarded)) {
                    return new Guarded(dataSource, mode);
                }
                return bean;
            }
        };
    }

    /** The nestings seen so far in this JVM (each with its stack). */
    public static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    /** How many pooled connections the current thread holds. */
    public static int heldByThisThread() {
        return HELD.get()[0];
    }

    /**
     * How many times the current thread has taken a connection from the pool, ever: the difference over a span of
     * work is the number of checkouts it made ({@link RequestConnection} counts them per request). Counted only while
     * the guard is on ({@code caseops.db.nested-connections} {@code warn} or {@code fail}).
     */
    public static long takenByThisThread() {
        return TAKEN.get()[0];
    }

    /** The guarded pool: counts the connections each thread holds and acts on a second one. */
    static final class Guarded extends DelegatingDataSource implements AutoCloseable {

        private final Mode mode;
        private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Guarded(DataSource target, Mode mode) {
            super(target);
            this.mode = mode;
        }

        @Override
        public Connection getConnection() throws SQLException {
            check();
            return track(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            check();
            return track(super.getConnection(username, password));
        }

        private void check() {
            int held = HELD.get()[0];
            if (held == 0) {
                return;
            }
            IllegalStateException e = new IllegalStateException("thread " + Thread.currentThread().getName()
                    + " asked the pool for a connection while it holds " + held + " (a query inside a row mapper, "
                    + "or a service with its own connection called inside a transaction): under load this "
                    + "exhausts the pool; use one connection per request (issue 12, docs/operations.md)");
            java.io.StringWriter stack = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(stack));
            if (mode == Mode.FAIL) {
                VIOLATIONS.add(stack.toString());
                log.error("Nested pooled connection", e);
                throw e;
            }
            String site = callSite(e);
            if (warned.add(site)) {
                VIOLATIONS.add(stack.toString());
                log.warn("Nested pooled connection (logged once per call site)", e);
            }
        }

        /** The first CaseOps frame below this guard: where the second connection was asked for. */
        private static String callSite(Throwable e) {
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().startsWith("org.caseops.")
                        && !frame.getClassName().startsWith(ConnectionNesting.class.getName())) {
                    return frame.toString();
                }
            }
            return "?";
        }

        private static Connection track(Connection connection) {
            int[] held = HELD.get();
            held[0]++;
            TAKEN.get()[0]++;
            AtomicBoolean closed = new AtomicBoolean();
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    if (closed.compareAndSet(false, true)) {
                        held[0]--;
                    }
                } else if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> type
                        && type.isInstance(proxy)) {
                    return proxy;
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException ex) {
                    throw ex.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(ConnectionNesting.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
