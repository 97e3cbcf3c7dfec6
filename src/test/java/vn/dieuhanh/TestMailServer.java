package vn.dieuhanh;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One GreenMail SMTP server for the test JVM, on a free loopback port, started the first time a test context needs
 * it. {@link Initializer} points {@code spring.mail.*} of the shared {@code @PostgresIntegrationTest} context at it;
 * extra application contexts started by tests use {@link #host()} and {@link #port()}.
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
            server = mail;
        }
        return server;
    }

    public static String host() {
        return "127.0.0.1";
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** Every message received so far whose {@code X-DieuHanh-Key} header (the notification's key) is {@code key}. */
    public static List<MimeMessage> withKey(String key) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> key.equals(header(m, "X-DieuHanh-Key")))
                .toList();
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Properties that point Spring Boot's mail sender at this server. */
    public static Map<String, Object> springProperties() {
        return Map.of("spring.mail.host", host(), "spring.mail.port", port());
    }

    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("test-mail-server", springProperties()));
        }
    }
}
