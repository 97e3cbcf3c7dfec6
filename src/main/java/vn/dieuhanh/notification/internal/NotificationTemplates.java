package vn.dieuhanh.notification.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Vietnamese texts, as Mustache templates in {@code classpath:notification/templates/<name>.mustache}: the first
 * line is the subject, then an empty line, then the plain-text body. Plain text, so nothing is HTML-escaped.
 */
@Component
class NotificationTemplates {

    static final String LOCATION = "notification/templates/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("")
            .emptyStringIsFalse(true);
    private final Map<String, Template[]> cache = new ConcurrentHashMap<>();

    record Rendered(String subject, String body) {
    }

    Rendered render(String name, Map<String, ?> model) {
        Template[] template = cache.computeIfAbsent(name, this::load);
        String subject = template[0].execute(model).strip().replaceAll("\\s+", " ");
        String body = template[1].execute(model).strip() + "\n";
        return new Rendered(subject, body);
    }

    boolean exists(String name) {
        return name != null && NAME.matcher(name).matches() && new ClassPathResource(LOCATION + name + ".mustache").exists();
    }

    private Template[] load(String name) {
        if (!exists(name)) {
            throw new IllegalArgumentException("No notification template '" + name + "' (expected "
                    + LOCATION + name + ".mustache)");
        }
        String text;
        try (InputStream in = new ClassPathResource(LOCATION + name + ".mustache").getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int split = text.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalStateException("Template " + name + ": a subject line, an empty line, then the body");
        }
        return new Template[] {compiler.compile(text.substring(0, split)), compiler.compile(text.substring(split + 2))};
    }
}
