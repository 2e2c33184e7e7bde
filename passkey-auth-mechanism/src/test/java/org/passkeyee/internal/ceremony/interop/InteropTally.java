package org.passkeyee.internal.ceremony.interop;

import java.util.Map;
import java.util.TreeMap;

/** TEST-ONLY: counts the vectors' outcomes per source, attestation format and algorithm, for the report printed after the run. */
final class InteropTally {

    private final Map<String, Counts> bySource = new TreeMap<>();
    private final Map<String, Counts> byFormat = new TreeMap<>();
    private final Map<String, Counts> byAlgorithm = new TreeMap<>();
    private final Map<String, Counts> byVariant = new TreeMap<>();

    /** Records one run of a vector; a run with its attestation forwarded as none counts under the format it was recorded with. */
    synchronized void record(InteropVector vector, InteropVector.Variant variant, VectorCeremonies.Outcome outcome) {
        for (Counts counts : new Counts[] {
                bySource.computeIfAbsent(vector.source(), k -> new Counts()),
                byFormat.computeIfAbsent(vector.format(), k -> new Counts()),
                byAlgorithm.computeIfAbsent(vector.algorithm(), k -> new Counts()),
                byVariant.computeIfAbsent(variant.name(), k -> new Counts())}) {
            counts.add(outcome);
        }
    }

    /** The counts, one line per source, format and algorithm. */
    synchronized String report() {
        StringBuilder text = new StringBuilder("Interop vectors through our ceremonies"
                + " (a framed vector runs again with its top origin allowed,"
                + " an attested one again with its attestation forwarded as none)\n");
        section(text, "per source", bySource);
        section(text, "per attestation format", byFormat);
        section(text, "per algorithm", byAlgorithm);
        section(text, "per run", byVariant);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, Map<String, Counts> counts) {
        text.append("  ").append(title).append(":\n");
        counts.forEach((key, value) -> text.append(String.format("    %-40s %s%n", key, value)));
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
