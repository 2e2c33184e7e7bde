package org.passkeyee.internal.ceremony.pending;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Packs the JSON of a pending ceremony for the HTTP session and for the sealed cookie
 * ({@link CeremonySeal}): zlib (DEFLATE with a checksum) and a preset dictionary
 * of what Yubico's request JSON always contains (keys, the algorithm list, fixed values), so that
 * only the random parts (challenge, user handle) and the names cost real bytes. A sign-up's 790
 * characters of JSON become about 300 bytes.
 *
 * <p>The dictionary is part of the serialized form: zlib records its checksum, so sessions (and
 * sealed states) written with another dictionary are refused when read (their pending ceremonies are lost, and the
 * browser starts again), as is a damaged form.
 */
final class CeremonyJsonCodec {

    private static final byte[] DICTIONARY = ("{\"publicKeyCredentialRequestOptions\":{\"challenge\":\"\",\"timeout\":300000,"
            + "\"hints\":[],\"rpId\":\"localhost\",\"allowCredentials\":[{\"type\":\"public-key\",\"id\":\"\","
            + "\"transports\":[\"internal\",\"hybrid\",\"usb\",\"nfc\",\"ble\"]}],\"userVerification\":\"required\","
            + "\"extensions\":{}},\"username\":\"\",\"userHandle\":\"\"}"
            + "{\"rp\":{\"name\":\"\",\"id\":\"\"},\"user\":{\"name\":\"\",\"displayName\":\"\",\"id\":\"\"},\"challenge\":\"\","
            + "\"pubKeyCredParams\":[{\"alg\":-7,\"type\":\"public-key\"},{\"alg\":-8,\"type\":\"public-key\"},"
            + "{\"alg\":-35,\"type\":\"public-key\"},{\"alg\":-36,\"type\":\"public-key\"},{\"alg\":-53,\"type\":\"public-key\"},"
            + "{\"alg\":-257,\"type\":\"public-key\"},{\"alg\":-258,\"type\":\"public-key\"},{\"alg\":-259,\"type\":\"public-key\"}],"
            + "\"timeout\":300000,\"hints\":[],\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\"\","
            + "\"transports\":[\"hybrid\",\"internal\"]}],\"authenticatorSelection\":{\"requireResidentKey\":true,"
            + "\"residentKey\":\"required\",\"userVerification\":\"preferred\"},\"attestation\":\"none\","
            + "\"extensions\":{\"credProps\":true}}").getBytes(StandardCharsets.UTF_8);

    private CeremonyJsonCodec() {
    }

    static byte[] pack(String json) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream packed = new ByteArrayOutputStream(json.length() / 2);
            byte[] buffer = new byte[512];
            while (!deflater.finished()) {
                packed.write(buffer, 0, deflater.deflate(buffer));
            }
            return packed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** @throws DataFormatException when {@code packed} is not what {@link #pack} wrote */
    static String unpack(byte[] packed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream json = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int inflated = inflater.inflate(buffer);
                if (inflated == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY);
                } else if (inflated == 0 && inflater.needsInput()) {
                    throw new DataFormatException("truncated pending ceremony");
                }
                json.write(buffer, 0, inflated);
            }
            return json.toString(StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }
}
