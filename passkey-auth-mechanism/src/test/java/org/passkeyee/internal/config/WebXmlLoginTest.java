package org.passkeyee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebXmlLoginTest {

    @Test
    void formLoginConfigThenItsPagesFromTheContextRootAndWhereItsFormPosts() {
        WebXmlLogin login = read("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <login-config>
                    <auth-method> form </auth-method>
                    <realm-name>file</realm-name>
                    <form-login-config>
                      <form-login-page>/auth/login.html</form-login-page>
                      <form-error-page>error.html</form-error-page>
                    </form-login-config>
                  </login-config>
                </web-app>""");

        assertTrue(login.isForm());
        assertEquals("/auth/login.html", login.loginPage());
        assertEquals("/error.html", login.errorPage());
        assertEquals("file", login.realmName());
        assertEquals(List.of("/j_security_check", "/auth/j_security_check"), login.formActions());
    }

    @Test
    void basicOrNoLoginConfigOrAnOldDoctypeThenReadWithoutFetchingAnything() {
        assertTrue(read("<web-app><login-config><auth-method>BASIC</auth-method></login-config></web-app>").isBasic());
        assertEquals(WebXmlLogin.NONE, read("<web-app><display-name>x</display-name></web-app>"));
        WebXmlLogin old = read("""
                <!DOCTYPE web-app PUBLIC "-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN" "http://localhost:1/web-app_2_3.dtd">
                <web-app><login-config><auth-method>FORM</auth-method></login-config></web-app>""");
        assertEquals("FORM", old.authMethod());
        assertFalse(old.isForm(), "a FORM login without its pages cannot be carried on");
    }

    @Test
    void webXmlThatDoesNotParseThenNone() {
        assertEquals(WebXmlLogin.NONE, read("<web-app><login-config>"));
    }

    private static WebXmlLogin read(String webXml) {
        ServletContext context = mock(ServletContext.class);
        when(context.getResourceAsStream("/WEB-INF/web.xml"))
                .thenReturn(new ByteArrayInputStream(webXml.getBytes(StandardCharsets.UTF_8)));
        return WebXmlLogin.read(context);
    }
}
