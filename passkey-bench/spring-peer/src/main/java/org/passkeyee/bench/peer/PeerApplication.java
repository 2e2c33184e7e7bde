package org.passkeyee.bench.peer;

import java.security.Principal;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Security 7's passkeys as its reference documentation sets them up: {@code webAuthn()}
 * with the RP ID and the allowed origin, its JDBC repositories, and a form login through which
 * the benchmark's callers register their passkeys first (any name, password {@code bench}).
 *
 * <p>The sign-in the benchmark measures is Spring's own: {@code POST /webauthn/authenticate/options},
 * {@code POST /login/webauthn}, then the protected {@code GET /me}. CSRF protection is off, the
 * configuration most favourable to Spring: the load generator does not fetch a token (our module
 * checks {@code Origin} instead, which costs no request).
 */
@SpringBootApplication
@RestController
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${peer.origin}") String origin) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.requestMatchers("/ready").permitAll().anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .webAuthn(passkeys -> passkeys.rpName("Passkey bench").rpId("localhost").allowedOrigins(origin))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    /** Every name exists, with the password {@code bench}: the callers sign in once to register a passkey. */
    @Bean
    UserDetailsService users() {
        return username -> User.withUsername(username).password("{noop}bench").roles("USER").build();
    }

    @Bean
    PublicKeyCredentialUserEntityRepository userEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository userCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    /** The protected page of every measured ceremony. */
    @GetMapping("/me")
    Map<String, String> me(Principal caller) {
        return Map.of("name", caller.getName());
    }

    /** Answers once the application is up. */
    @GetMapping("/ready")
    Map<String, Boolean> ready() {
        return Map.of("ready", true);
    }
}
