package uk.org.earlyhelp.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * What a checkpoint signature covers, and making and checking it with BouncyCastle's Ed25519. Checking
 * needs only the public key (its SubjectPublicKeyInfo DER, as stored in {@code audit_signing_keys}).
 */
final class CheckpointSignatures {

    static final String ALGORITHM = "Ed25519";

    private CheckpointSignatures() {
    }

    /**
     * The signed text: every field of the checkpoint, so none can be changed without the key. Chain 1 is
     * signed in the form from before there were several chains (V9), so its older checkpoints still
     * verify; the other chains' checkpoints name their chain.
     */
    static byte[] signedContent(int chain, long seq, String headHash, Instant signedAt, String keyId) {
        String content = chain == 1
                ? "early-help-audit-checkpoint/1|" + seq + "|" + headHash + "|" + signedAt + "|" + keyId
                : "early-help-audit-checkpoint/2|" + chain + "|" + seq + "|" + headHash + "|" + signedAt + "|" + keyId;
        return content.getBytes(StandardCharsets.UTF_8);
    }

    static String sign(PrivateKey key, byte[] content) {
        try {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, PrivateKeyFactory.createKey(key.getEncoded()));
            signer.update(content, 0, content.length);
            return Base64.getEncoder().encodeToString(signer.generateSignature());
        } catch (IOException e) {
            throw new IllegalStateException("the audit signing key is not an Ed25519 key", e);
        }
    }

    static boolean verify(byte[] publicKeyInfo, byte[] content, String signature) {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(publicKeyInfo);
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, key);
            verifier.update(content, 0, content.length);
            return verifier.verifySignature(Base64.getDecoder().decode(signature));
        } catch (IOException | RuntimeException e) {
            // An unreadable key or signature is an invalid signature.
            return false;
        }
    }

    /** A key's id: the hex SHA-256 of its SubjectPublicKeyInfo DER (its fingerprint). */
    static String keyId(byte[] publicKeyInfo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKeyInfo));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
