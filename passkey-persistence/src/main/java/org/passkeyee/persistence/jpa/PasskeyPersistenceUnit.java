package org.passkeyee.persistence.jpa;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.passkeyee.persistence.schema.PasskeyCredentialEntity;
import org.passkeyee.persistence.schema.PasskeyUserEntity;

/**
 * The store's persistence unit, described in code instead of a {@code META-INF/persistence.xml}:
 * a unit in a descriptor would be visible to the container, and on Payara an application's own
 * {@code @PersistenceContext} without a unit name then no longer resolves. This description is
 * handed to the server's JPA provider directly ({@code createContainerEntityManagerFactory}), so
 * the container never sees a second unit.
 *
 * <p>JTA on the datasource the admin chose, the two entity classes and nothing else, shared
 * cache off (passkeys and signature counts are always read fresh, also when several servers
 * share the database), no bean validation (the store checks sizes itself), no class
 * transformation (the entities are plain and need no weaving).
 */
final class PasskeyPersistenceUnit implements PersistenceUnitInfo {

    /** The unit's name, as providers show it in their logs. */
    static final String NAME = "passkeyee";

    static final List<String> ENTITY_CLASSES =
            List.of(PasskeyUserEntity.class.getName(), PasskeyCredentialEntity.class.getName());

    private final String providerClassName;
    private final DataSource dataSource;
    private final Properties properties;

    PasskeyPersistenceUnit(String providerClassName, DataSource dataSource, Properties properties) {
        this.providerClassName = providerClassName;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public String getPersistenceUnitName() {
        return NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return providerClassName;
    }

    /** Jakarta Persistence 3.2 (EE 11) asks this; no CDI scope for this unit's entity managers. */
    public String getScopeAnnotationName() {
        return null;
    }

    /** Jakarta Persistence 3.2 (EE 11) asks this; no CDI qualifiers either. */
    public List<String> getQualifierAnnotationNames() {
        return List.of();
    }

    @Override
    @SuppressWarnings("deprecation") // the SPI's own type, deprecated in 3.2 but still what the method returns
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.JTA;
    }

    @Override
    public DataSource getJtaDataSource() {
        return dataSource;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return null;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    /** The JAR holding the entities; providers key their caches by it and scan nothing else. */
    @Override
    public URL getPersistenceUnitRootUrl() {
        CodeSource source = PasskeyUserEntity.class.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITY_CLASSES;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return PasskeyUserEntity.class.getClassLoader();
    }

    /** Ignored: the entities are used as compiled (providers are told not to weave them). */
    @Override
    public void addTransformer(ClassTransformer transformer) {
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return getClassLoader();
    }
}
