package org.passkeyee.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.passkeyee.testsupport.Es256;

/**
 * The machine's ceiling for sign-in ceremonies: each ceremony costs one ES256 signature (the
 * authenticator, i.e. the load generator) and one ES256 verification (the server), and here both
 * run on the same cores. Measured in-process with the JDK's own provider, on the JDK this process
 * runs (the server runs the same one):
 * <ul>
 *   <li>sign/s and verify/s on one thread;</li>
 *   <li>sign-then-verify pairs/s on every core at once: the ceremony ceiling, what the machine
 *       could do if a ceremony cost nothing but its two EC operations.</li>
 * </ul>
 * The signed message has a ceremony's shape: 37 bytes of authenticator data and a 32-byte hash.
 */
final class EcdsaCeiling {

    private static final byte[] MESSAGE = new byte[37 + 32];

    private EcdsaCeiling() {
    }

    /**
     * @param signPerSecond   one thread
     * @param verifyPerSecond one thread
     * @param pairsPerSecond  sign + verify pairs per second on {@code threads} threads: the ceiling
     * @param threads         the cores used
     */
    record Result(double signPerSecond, double verifyPerSecond, double pairsPerSecond, int threads) {

        /** What the single-thread rates predict for all cores, as a cross-check of {@link #pairsPerSecond}. */
        double predictedPairsPerSecond() {
            return threads / (1 / signPerSecond + 1 / verifyPerSecond);
        }

        /** The average of two measurements (taken before and after a load run, say). */
        Result averagedWith(Result other) {
            return new Result((signPerSecond + other.signPerSecond) / 2, (verifyPerSecond + other.verifyPerSecond) / 2,
                    (pairsPerSecond + other.pairsPerSecond) / 2, threads);
        }
    }

    /** Measures each figure for about {@code millis} (after a warm-up of the same length). */
    static Result measure(long millis) {
        KeyPair key = Es256.newKeyPair();
        byte[] signature = sign(signer(key), MESSAGE);
        Signature singleSigner = signer(key);
        Signature singleVerifier = verifier(key);
        rate(millis, () -> sign(singleSigner, MESSAGE));         // warm-up: let C2 compile the EC code
        rate(millis, () -> verify(singleVerifier, signature));
        double sign = rate(millis, () -> sign(singleSigner, MESSAGE));
        double verify = rate(millis, () -> verify(singleVerifier, signature));
        int threads = Runtime.getRuntime().availableProcessors();
        double pairs = pairsOnAllCores(threads, millis);
        return new Result(sign, verify, pairs, threads);
    }

    private static double pairsOnAllCores(int threads, long millis) {
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                KeyPair key = Es256.newKeyPair();
                Signature signer = signer(key);
                Signature verifier = verifier(key);
                while (System.nanoTime() < deadline) {
                    if (!verifyBytes(verifier, sign(signer, MESSAGE))) {
                        throw new IllegalStateException("a fresh signature did not verify");
                    }
                    done.increment();
                }
            }, "ceiling-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static double rate(long millis, Runnable operation) {
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        long count = 0;
        long now;
        do {
            operation.run();
            count++;
            now = System.nanoTime();
        } while (now < deadline);
        return count / ((now - start) / 1e9);
    }

    private static Signature signer(KeyPair key) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key.getPrivate());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Signature verifier(KeyPair key) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(key.getPublic());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(Signature signer, byte[] message) {
        try {
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void verify(Signature verifier, byte[] signature) {
        if (!verifyBytes(verifier, signature)) {
            throw new IllegalStateException("the signature did not verify");
        }
    }

    private static boolean verifyBytes(Signature verifier, byte[] signature) {
        try {
            verifier.update(MESSAGE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
