package org.passkeyee.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Runs a test class on one row of each Jakarta EE 10 server that admins run with several
 * applications: Payara Server 6.2025.10 ({@code payara-server-h2}) and WildFly 39
 * ({@code wildfly-postgresql}). The other rows run the same WAR on the same servers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "(?!payara-server$|wildfly$).*",
        disabledReason = "servers that host several applications: Payara Server 6, WildFly 39")
@DisabledIfSystemProperty(named = "payara.server.domain.dir", matches = ".*payara-server-postgresql$",
        disabledReason = "Payara Server runs it on its H2 row")
@DisabledIfSystemProperty(named = "wildfly.base.dir", matches = ".*wildfly-(mariadb|preview-h2)$",
        disabledReason = "WildFly runs it on its PostgreSQL row (WildFly Preview is Jakarta EE 11)")
public @interface OnePayaraServerAndOneWildFlyRow {
}
