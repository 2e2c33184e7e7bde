package org.passkeyee.internal.ceremony.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * TEST-ONLY: counts the vectors' outcomes for the report printed after the run: per source and
 * per kind of run; per attestation format and per algorithm as recorded; and per format and
 * algorithm again for the runs with the attestation forwarded as none.
 */
final class InteropTally {

    private static final String PER_SOURCE = "per source, every run";
    private static final String PER_RUN = "per kind of run";
    private static final String PER_FORMAT = "per attestation format, as recorded";
    private static final String PER_ALGORITHM = "per algorithm, as recorded";
    private static final String PER_FORMAT_AS_NONE = "per recorded attestation format, forwarded as none";
    private static final String PER_ALGORITHM_AS_NONE = "per algorithm, attestation forwarded as none";

    private final Map<String, Map<String, Counts>> sections = new LinkedHashMap<>();

    /** Records one run of a vector. */
    synchronized void record(InteropVector vector, InteropVector.Variant variant, VectorCeremonies.Outcome outcome) {
        count(PER_SOURCE, vector.source(), outcome);
        count(PER_RUN, variant.name(), outcome);
        if (variant == InteropVector.Variant.AS_RECORDED) {
            count(PER_FORMAT, vector.format(), outcome);
            count(PER_ALGORITHM, vector.algorithm(), outcome);
        } else if (variant == InteropVector.Variant.ATTESTATION_AS_NONE) {
            count(PER_FORMAT_AS_NONE, vector.format(), outcome);
            count(PER_ALGORITHM_AS_NONE, vector.algorithm(), outcome);
        }
    }

    private void count(String section, String key, VectorCeremonies.Outcome outcome) {
        sections.computeIfAbsent(section, k -> new TreeMap<>()).computeIfAbsent(key, k -> new Counts()).add(outcome);
    }

    /** The counts, one line per key of each section. */
    synchronized String report() {
        StringBuilder text = new StringBuilder("Interop vectors through our ceremonies (a framed vector runs again with its"
                + " top origin allowed, an attested one again with its attestation forwarded as none)\n");
        sections.forEach((title, counts) -> {
            text.append("  ").append(title).append(":\n");
            counts.forEach((key, value) -> text.append(String.format("    %-36s %s%n", key, value)));
        });
        return text.toString();
    }

    /** Runs, registrations accepted and refused, sign-ins accepted and refused. */
    private static final class Counts {
        private int runs;
        private int registered;
        private int registrationsRefused;
        private int signedIn;
        private int signInsRefused;

        void add(VectorCeremonies.Outcome outcome) {
            runs++;
            if (InteropVector.Expected.ACCEPTED.equals(outcome.registration())) {
                registered++;
            } else {
                registrationsRefused++;
            }
            if (InteropVector.Expected.ACCEPTED.equals(outcome.signIn())) {
                signedIn++;
            } else if (outcome.signIn() != null) {
                signInsRefused++;
            }
        }

        @Override
        public String toString() {
            return String.format("runs %3d | registered %3d, refused %3d | signed in %3d, refused %3d",
                    runs, registered, registrationsRefused, signedIn, signInsRefused);
        }
    }
}
