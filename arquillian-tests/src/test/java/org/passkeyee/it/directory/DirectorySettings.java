package org.passkeyee.it.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** TEST-ONLY: where the directory is, from {@value #RESOURCE} in the WAR. */
@Named("directorySettings")
@ApplicationScoped
public class DirectorySettings {

    public static final String RESOURCE = "directory.properties";
    public static final String BASE = "dc=example,dc=com";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;

    private final String url;

    public DirectorySettings() {
        try (InputStream in = DirectorySettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Properties properties = new Properties();
            properties.load(in);
            url = properties.getProperty("url");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory's {@code ldap://} URL. */
    public String getUrl() {
        return url;
    }
}
