package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.ServerCluster;

/**
 * A {@code <distributable/>} application without {@code passkey.ceremony-key} does not start, on
 * a server started as a cluster node is: the deployment fails with a message that names the
 * setting, and the application answers nothing. (Each server would otherwise seal strangers'
 * ceremonies with a random key of its own, and another server could not finish them.) On the
 * cluster rows.
 */
@Tag("cluster")
class DistributableWithoutCeremonyKeyIT {

    @Test
    void distributableApplicationWithoutCeremonyKeyThenNotDeployedAndTheLogSaysWhy() throws Exception {
        ServerCluster.Node node = ServerCluster.startOneWithout("PASSKEY_CEREMONY_KEY");
        try {
            if (node.running()) {
                assertEquals(404, new PasskeyClient(node.url()).get("/passkey/login/options").status(),
                        "the application must not be served");
            }
            String log = Files.readString(node.log(), StandardCharsets.ISO_8859_1);
            assertTrue(log.contains("so passkey.ceremony-key must be set"), "the log must say why; see " + node.log());
        } finally {
            ServerCluster.stop(node);
        }
    }
}
