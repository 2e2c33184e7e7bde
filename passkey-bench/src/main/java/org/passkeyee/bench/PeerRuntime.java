package org.passkeyee.bench;

import java.util.Arrays;
import java.util.List;

/** A runtime the peer scenario runs our sample on: its {@code --runtimes} name, label and the Java it needs. */
enum PeerRuntime {
    PAYARA6("payara6", "Payara Micro 6", 17),
    PAYARA7("payara7", "Payara Micro 7", 21),
    WILDFLY("wildfly", "WildFly 39", 17);

    private final String option;
    private final String label;
    private final int minimumJava;

    PeerRuntime(String option, String label, int minimumJava) {
        this.option = option;
        this.label = label;
        this.minimumJava = minimumJava;
    }

    /** The runtimes a comma-separated {@code --runtimes} value names, in its order. */
    static List<PeerRuntime> parse(String options) {
        return Arrays.stream(options.split(",")).map(String::trim).map(PeerRuntime::named).toList();
    }

    /** The {@code --runtimes} value of all of them. */
    static String allOptions() {
        return String.join(",", Arrays.stream(values()).map(PeerRuntime::option).toList());
    }

    private static PeerRuntime named(String option) {
        return Arrays.stream(values()).filter(r -> r.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown runtime " + option + "\n" + Options.USAGE));
    }

    String option() {
        return option;
    }

    String label() {
        return label;
    }

    boolean runsOn(int javaFeatureVersion) {
        return javaFeatureVersion >= minimumJava;
    }
}
