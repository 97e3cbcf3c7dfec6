package vn.dieuhanh.chat.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.dieuhanh.platform.InputRejected;

/**
 * What may be attached: at most {@code dieuhanh.chat.attachments.max-size} (default 10 MB), and only these types,
 * recognised by their first bytes (never by the name or the declared type alone), with a name that matches: PDF,
 * PNG, JPEG, Office documents (docx, xlsx, pptx: ZIP; doc, xls: OLE2) and UTF-8 plain text. The stored type is the
 * detected one.
 */
@Component
class AttachmentRules {

    record Checked(String fileName, String contentType) {
    }

    private final long maxBytes;

    AttachmentRules(@Value("${dieuhanh.chat.attachments.max-size:10MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    Checked check(String originalName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InputRejected("Tệp đính kèm trống (the file is empty)");
        }
        if (content.length > maxBytes) {
            throw new InputRejected("Tệp đính kèm lớn quá " + (maxBytes / (1024 * 1024)) + " MB (the file is larger "
                    + "than " + maxBytes + " bytes)");
        }
        String name = fileName(originalName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = switch (extension) {
            case "pdf" -> starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII)) ? "application/pdf" : null;
            case "png" -> starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                    ? "image/png" : null;
            case "jpg", "jpeg" -> starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? "image/jpeg" : null;
            case "docx" -> zip(content) ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
            case "xlsx" -> zip(content) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : null;
            case "pptx" -> zip(content) ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                    : null;
            case "doc" -> ole2(content) ? "application/msword" : null;
            case "xls" -> ole2(content) ? "application/vnd.ms-excel" : null;
            case "txt" -> text(content) ? "text/plain; charset=UTF-8" : null;
            default -> throw new InputRejected("Chỉ đính kèm tệp PDF, ảnh PNG/JPEG, Word, Excel, PowerPoint hoặc văn bản"
                    + " .txt (only pdf, png, jpg, docx, xlsx, pptx, doc, xls and txt files)");
        };
        if (type == null) {
            throw new InputRejected("Nội dung tệp không đúng loại ." + extension + " (the file's content is not a "
                    + extension + " file)");
        }
        return new Checked(name, type);
    }

    /** The name without any path, control or quote characters, at most 200 characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isISOControl(c) || c == '"' || c == ';' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069') {
                continue;
            }
            clean.append(c);
        }
        String result = clean.toString().strip();
        if (result.isEmpty() || result.startsWith(".")) {
            result = "tep" + result;
        }
        return result.length() > 200 ? result.substring(result.length() - 200) : result;
    }

    private static boolean starts(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zip(byte[] content) {
        return starts(content, new byte[] {'P', 'K', 3, 4});
    }

    private static boolean ole2(byte[] content) {
        return starts(content, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1});
    }

    private static boolean text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\r'
                    && c != '\t' && c != '\f'));
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
