package org.passkeyee.internal.ceremony;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a metadata BLOB's text from a file or downloads it, bounded in time and size: a server
 * that does not answer, answers slowly or sends more than {@link #MAX_BYTES} is an
 * {@link IOException} saying so, never a deployment that waits for ever. Only the BLOB itself is
 * fetched here; redirects are followed within HTTPS only.
 */
final class MetadataDownload {

    /** Far above the FIDO Metadata Service's BLOB (about 5 MB in 2026). */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Duration timeout;
    private final int maxBytes;

    MetadataDownload() {
        this(TIMEOUT, MAX_BYTES);
    }

    /**
     * @param timeout  for the whole download, headers to last byte
     * @param maxBytes the largest BLOB taken
     */
    MetadataDownload(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** The text of the file or of the URL's answer, trimmed. */
    String text(URI location) throws IOException {
        if ("file".equalsIgnoreCase(location.getScheme())) {
            return text(Path.of(location));
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(location).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, response -> response.statusCode() == 200
                ? new CappedBody(maxBytes)
                : HttpResponse.BodySubscribers.replacing(null));
        try {
            HttpResponse<byte[]> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new IOException("the server answered HTTP " + response.statusCode());
            }
            return new String(response.body(), StandardCharsets.US_ASCII).trim();
        } catch (TimeoutException slow) {
            answer.cancel(true);
            throw new IOException("no complete answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        } catch (InterruptedException interrupted) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading", interrupted);
        }
    }

    /** The text of a file, trimmed. */
    String text(Path file) throws IOException {
        if (Files.size(file) > maxBytes) {
            throw new IOException("the file is larger than " + maxBytes + " bytes");
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    /** Collects an answer's bytes up to a cap, and gives up once it is passed. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > cap) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException("the answer is larger than " + cap + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
