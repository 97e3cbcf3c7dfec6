package vn.dieuhanh.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every login door: HTTP Basic on {@code /api}, the API docs, actuator and {@code /engine-rest}, and the
 * webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). It tells the identity provider
 * where the attempt comes from ({@link LoginSource}) and answers 429 with {@code Retry-After} while the account name
 * or the source address is locked ({@link LoginThrottle}), without checking the password. Counting happens where the
 * password is checked ({@link ThrottledIdentityProvider}), so a door that is not listed here is still throttled (it
 * then answers its own 401).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    private static final int MAX_FORM_BYTES = 8192;

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest forward = request;
        String account = null;
        String[] basic = ApiAuthenticationFilter.basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (basic != null) {
            account = basic[0];
        } else if ("POST".equals(request.getMethod())
                && WEBAPP_LOGIN.matcher(RequestPaths.normalised(request)).matches()) {
            FormRequest form = FormRequest.read(request);
            if (form != null) {
                forward = form;
                account = form.username;
            }
        }
        String source = request.getRemoteAddr();
        if (account != null) {
            Optional<Duration> wait = throttle.retryAfter(source, account);
            if (wait.isPresent()) {
                tooManyFailures(response, wait.get());
                return;
            }
        }
        LoginSource.set(source);
        try {
            chain.doFilter(forward, response);
        } finally {
            LoginSource.clear();
        }
    }

    static void tooManyFailures(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, 429, "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau " + seconds
                + " giây (too many failed logins, retry in " + seconds + " s)");
    }

    /** A form post whose body was read here to learn the user name, and is replayed to the login resource. */
    static final class FormRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private final String username;

        private FormRequest(HttpServletRequest request, byte[] body, String username) {
            super(request);
            this.body = body;
            this.username = username;
        }

        /** Null when the request is not a small URL-encoded form. */
        static FormRequest read(HttpServletRequest request) throws IOException {
            String type = request.getContentType();
            if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type))
                    || request.getContentLengthLong() > MAX_FORM_BYTES) {
                return null;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                return null;
            }
            String username = null;
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && "username".equals(pair.substring(0, equals))) {
                    try {
                        username = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        username = pair.substring(equals + 1);
                    }
                }
            }
            return new FormRequest(request, body, username);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
