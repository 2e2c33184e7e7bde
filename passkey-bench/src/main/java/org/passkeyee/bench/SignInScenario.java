package org.passkeyee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sign-in on the sample app as it ships (Payara Micro, its embedded H2 default datasource): the
 * load against the ceiling, the mechanism's overhead on an ordinary request, and the session
 * state a pending ceremony holds.
 */
final class SignInScenario {

    private final Options options;
    private final Report report;
    private final ErrorLog errors;

    SignInScenario(Options options, Report report, ErrorLog errors) {
        this.options = options;
        this.report = report;
        this.errors = errors;
    }

    void run() throws IOException, InterruptedException {
        report.heading("## Sign-in on Payara Micro with its embedded H2 database (`" + options.label() + "`)");
        report.environment();
        List<String> jvm = List.of();
        try (ServerProcess server = BenchmarkMain.startServer(options, "server", BenchmarkMain.benchWars(options), jvm,
                List.of(), report, BenchmarkMain.READY_PATHS)) {
            LoadRun.Outcome outcome = LoadRun.run(options, server, report, errors, "bench");
            endpointCosts(server, outcome);
            overhead(server, outcome.callers().get(0));
            sessionState(server, outcome.callers().get(1));
        }
    }

    /** The server's CPU per request of each part of a ceremony, at the highest concurrency measured. */
    private void endpointCosts(ServerProcess server, LoadRun.Outcome outcome) throws IOException, InterruptedException {
        SignInLoad.Result ceremonies = outcome.results().get(outcome.results().size() - 1);
        int clients = ceremonies.clients();
        Duration warmup = Duration.ofSeconds(3);
        Duration measure = Duration.ofSeconds(10);
        String sample = BenchmarkMain.SAMPLE_CONTEXT;
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        List<EndpointCost.Cost> costs = new ArrayList<>();
        costs.add(EndpointCost.measure("POST /passkey/login/options (a new session each)", server.port(), clients, warmup,
                measure, server.pid(), errors, (browser, client) -> { }, browser -> {
                    browser.clearCookies();
                    return browser.postJson(sample + "/passkey/login/options", empty);
                }));
        costs.add(EndpointCost.measure("GET /api/me (signed in)", server.port(), clients, warmup, measure, server.pid(),
                errors, (browser, client) -> signIn(browser, outcome.callers().get(client)),
                browser -> browser.get(sample + "/api/me")));
        costs.add(EndpointCost.measure("GET /plain/bench/open/me (no passkey module)", server.port(), clients, warmup,
                measure, server.pid(), errors, (browser, client) -> { },
                browser -> browser.get(BenchmarkMain.PLAIN_CONTEXT + "/bench/open/me")));
        double ceremony = ceremonies.cpu().serverCpuSeconds() * 1000 / Math.max(1, ceremonies.ceremonies());
        double login = ceremony - costs.get(0).serverCpuMillis() - costs.get(1).serverCpuMillis();
        double verify = 1000 / outcome.ceiling().verifyPerSecond();
        report.line("%nWhat the parts of a ceremony cost the server, %d clients, one kind of request at a time "
                + "(10 s each, load `%s`):", clients, MachineLoad.loadAverages());
        List<List<String>> rows = new ArrayList<>();
        for (EndpointCost.Cost cost : costs) {
            rows.add(List.of(cost.name(), Report.f0(cost.perSecond()), Report.f2(cost.serverCpuMillis()),
                    Report.percent(cost.cpu().othersShare())));
        }
        rows.add(List.of("whole ceremony (from the load above)", Report.f0(ceremonies.perSecond()), Report.f2(ceremony),
                Report.percent(ceremonies.cpu().othersShare())));
        rows.add(List.of("**POST /passkey/login** (ceremony − options − api/me)", "", "**" + Report.f2(login) + "**", ""));
        rows.add(List.of("of which one ES256 verification (1 / verify/s above)", "", Report.f2(verify), ""));
        report.table(List.of("request", "requests/s", "server CPU ms/request", "CPU taken by other processes"), rows);
    }

    private static void signIn(Browser browser, SignInLoad.Caller caller) throws IOException {
        String context = BenchmarkMain.SAMPLE_CONTEXT;
        Browser.Response options = browser.postJson(context + "/passkey/login/options", Browser.JSON.createObjectNode());
        Browser.Response login = browser.postJson(context + "/passkey/login",
                caller.authenticator().authenticate(options.json(), browser.origin()));
        if (login.status() != 200) {
            throw new IOException("sign-in of " + caller.username() + ": " + login);
        }
    }

    private void overhead(ServerProcess server, SignInLoad.Caller caller) throws IOException {
        String sample = BenchmarkMain.SAMPLE_CONTEXT;
        try (Browser signedIn = signedIn(server.port(), caller);
             Browser signedInTwin = new Browser(server.port());
             Browser anonymous = new Browser(server.port());
             Browser basic = new Browser(server.port());
             Browser plain = new Browser(server.port())) {
            signedInTwin.setCookie("JSESSIONID", signedIn.cookie("JSESSIONID"));
            List<OverheadProbe.Variant> variants = List.of(
                    new OverheadProbe.Variant("protected, signed in", signedIn, sample + "/api/me"),
                    new OverheadProbe.Variant("unprotected twin, signed in", signedInTwin, sample + "/bench/open/me"),
                    new OverheadProbe.Variant("unprotected twin, anonymous", anonymous, sample + "/bench/open/me"),
                    new OverheadProbe.Variant("twin in a WAR with Jakarta Security's Basic mechanism, anonymous", basic,
                            BenchmarkMain.BASIC_CONTEXT + "/bench/open/me"),
                    new OverheadProbe.Variant("twin in a WAR without the passkey module", plain,
                            BenchmarkMain.PLAIN_CONTEXT + "/bench/open/me"));
            String loadBefore = MachineLoad.loadAverages();
            List<OverheadProbe.Measured> measured = OverheadProbe.run(variants, Math.max(500, options.overheadRounds() / 5),
                    options.overheadRounds(), errors);
            report.line("%nOverhead on an ordinary request: one client, %d interleaved rounds (load `%s` → `%s`).",
                    options.overheadRounds(), loadBefore, MachineLoad.loadAverages());
            double protectedMean = measured.get(0).latency().mean();
            double protectedP50 = measured.get(0).latency().p50();
            List<List<String>> rows = new ArrayList<>();
            for (OverheadProbe.Measured m : measured) {
                rows.add(List.of(m.name(), "`" + m.path() + "`", Report.f1(m.latency().mean() * 1000),
                        Report.f1(m.latency().p50() * 1000), Report.f1(m.latency().p90() * 1000),
                        Report.f1(m.latency().p99() * 1000),
                        Report.percent(protectedMean / m.latency().mean() - 1),
                        Report.percent(protectedP50 / m.latency().p50() - 1)));
            }
            report.table(List.of("request", "path", "mean µs", "p50 µs", "p90 µs", "p99 µs",
                    "protected is slower by (mean)", "(p50)"), rows);
        }
    }

    private void sessionState(ServerProcess server, SignInLoad.Caller caller) throws IOException {
        SessionMemory memory = new SessionMemory(server.port(), BenchmarkMain.SAMPLE_CONTEXT, Options.javaHome(), server.pid());
        ObjectNode none = Browser.JSON.createObjectNode();
        List<List<String>> rows = new ArrayList<>();
        describe(rows, "usernameless sign-in pending", memory.sessionAfter("/passkey/login/options", none));
        describe(rows, "username-first sign-in pending (1 passkey)",
                memory.sessionAfter("/passkey/login/options", Browser.JSON.createObjectNode().put("username", caller.username())));
        describe(rows, "username-first sign-in pending (unknown name: decoys)",
                memory.sessionAfter("/passkey/login/options", Browser.JSON.createObjectNode().put("username", "nobody-at-all")));
        describe(rows, "sign-up pending", memory.sessionAfter("/passkey/register/options",
                Browser.JSON.createObjectNode().put("username", "bench-sizes").put("displayName", "Bench Sizes")));
        try (Browser signedIn = signedIn(server.port(), caller)) {
            describe(rows, "signed in (after the ceremony)", memory.sessionOf(signedIn));
        }
        report.line("Session state, serialized with `ObjectOutputStream` attribute by attribute (what a replicated "
                + "session carries; each figure includes the stream header and class descriptors):");
        report.table(List.of("session", "attribute", "class", "serialized bytes", "of which the ceremony's JSON",
                "session inactive interval s"), rows);
    }

    private static void describe(List<List<String>> rows, String what, JsonNode probe) {
        JsonNode session = probe.path("session");
        if (session.isMissingNode() || session.isNull()) {
            rows.add(List.of(what, "(no session)", "", "", "", ""));
            return;
        }
        for (Map.Entry<String, JsonNode> attribute : session.path("attributes").properties()) {
            JsonNode json = attribute.getValue().path("textComponents").path("requestJson");
            rows.add(List.of(what, "`" + attribute.getKey() + "`",
                    attribute.getValue().path("class").asText().replaceAll(".*\\.", ""),
                    attribute.getValue().path("serializedBytes").asText(),
                    json.isMissingNode() ? "" : json.asText(),
                    session.path("maxInactiveInterval").asText()));
        }
        rows.add(List.of(what, "**all attributes**", "", "**" + session.path("serializedBytes").asText() + "**", "", ""));
    }

    /** A browser signed in as {@code caller} (one usernameless ceremony). */
    static Browser signedIn(int port, SignInLoad.Caller caller) throws IOException {
        Browser browser = new Browser(port);
        try {
            signIn(browser, caller);
        } catch (IOException e) {
            browser.close();
            throw e;
        }
        return browser;
    }
}
