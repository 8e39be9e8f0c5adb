package org.caseops.system;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link DatabaseMigrations} initialises the database, so that every
 * {@code @DependsOnDatabaseInitialization} bean (the reference data loader...) is created after it, as they were
 * after Boot's own Flyway bean. Registered in {@code META-INF/spring.factories}.
 */
final class DatabaseMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(DatabaseMigrations.class);
    }
}
