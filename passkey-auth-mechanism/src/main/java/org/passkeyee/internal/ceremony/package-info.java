/**
 * The WebAuthn ceremonies with Yubico's library: options, verification, and every check that names
 * its refusal; the name policy ({@code UsernamePolicy}, with the tables generated from ICU4J that
 * {@code CaseFolding} and {@code LatinLookalikes} read); accounts found by exact name only
 * ({@code ExactNames}); decoys for unknown names; limits on what a new passkey may be; which authenticators
 * may make one ({@code AuthenticatorAdmission}) and the FIDO metadata that vouches for them
 * ({@code AuthenticatorMetadata}, loaded by {@code MetadataBlobs} through {@code MetadataDownload}
 * and {@code BlobSignerChain}); attestation statements read before Yubico sees them
 * ({@code AttestationStatements}, {@code SafetyNetResponses}), so that nothing a caller sends
 * reaches the log through Yubico; and the rules of WebAuthn's registration Yubico does not
 * enforce: a key that is its algorithm's ({@code CredentialKeyAlgorithms}), statements exactly
 * of their format ({@code AttestationStatementShapes}), bounded attestation certificate keys
 * ({@code AttestationCertificateKeys}), the authenticator data's layout
 * ({@code AttestedAuthenticatorData}) and the credential the options asked for
 * ({@code RequestedCredential}).
 */
package org.passkeyee.internal.ceremony;
