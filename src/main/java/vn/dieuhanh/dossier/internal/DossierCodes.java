package vn.dieuhanh.dossier.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * Dossier codes ({@code HS-260302-K7Q2M9XA}: date of reception and 8 random characters) and the security code printed
 * on the receipt (8 random characters), stored only as a SHA-256 hash salted with the dossier code. The alphabet has no
 * 0/O, 1/I/L, so codes read aloud or typed from paper are not mistaken.
 */
class DossierCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(WorkingCalendar.ZONE);

    private final SecureRandom random;

    DossierCodes(SecureRandom random) {
        this.random = random;
    }

    String newCode(Instant receivedAt) {
        return "HS-" + DAY.format(receivedAt) + "-" + randomText(8);
    }

    String newSecret() {
        return randomText(8);
    }

    static String hash(String code, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((code + ":" + secret.trim().toUpperCase())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String code, String secret, String storedHash) {
        if (secret == null || secret.isBlank() || secret.length() > 40) {
            return false;
        }
        return MessageDigest.isEqual(hash(code, secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private String randomText(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(text);
    }
}
