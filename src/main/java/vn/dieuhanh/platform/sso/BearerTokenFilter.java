package vn.dieuhanh.platform.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <JWT>} on {@code /api} and {@code /engine-rest} when single sign-on is on: the access
 * token must be signed by the provider (its JWKS), issued by it, for our audience and unexpired; its user must be one of
 * our officials. A valid one is left on the request ({@link BearerAuthentication}) for the authentication filter
 * behind, which then skips HTTP Basic; an invalid one is answered here: 401 (bad token), 403 (no account here), 503
 * (provider unreachable for its keys). Requests without a bearer token pass untouched (HTTP Basic as before).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    private final OidcProvider provider;
    private final TokenOfficials officials;

    BearerTokenFilter(OidcProvider provider, TokenOfficials officials) {
        this.provider = provider;
        this.officials = officials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        JWTClaimsSet claims;
        try {
            claims = provider.verify(token, provider.properties().expectedAudience());
        } catch (OidcProvider.InvalidToken e) {
            log.info("Bearer token refused: {}", e.getMessage());
            write(response, HttpStatus.UNAUTHORIZED, "Mã truy cập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại "
                    + "(invalid or expired bearer token)", "invalid_token");
            return;
        } catch (OidcProvider.ProviderUnavailable e) {
            log.warn("Bearer token not checked: {}", e.getMessage(), e);
            write(response, HttpStatus.SERVICE_UNAVAILABLE, "Chưa kiểm tra được mã truy cập với hệ thống đăng nhập một "
                    + "cửa, vui lòng thử lại sau (identity provider unavailable)", null);
            return;
        }
        TokenOfficials.Official official;
        try {
            official = officials.official(claims);
        } catch (TokenOfficials.UnknownOfficial e) {
            log.info("Bearer token of a user without an account: {}", e.userId);
            write(response, HttpStatus.FORBIDDEN, e.refusal(), "insufficient_scope");
            return;
        }
        request.setAttribute(BearerAuthentication.ATTRIBUTE,
                new BearerAuthentication(official.userId(), official.groupIds(), official.tenantIds()));
        chain.doFilter(request, response);
    }


    /** Problem JSON like the other security filters' (the details are constants, nothing to escape), with the Bearer challenge of RFC 6750 on 401 and 403. */
    private static void write(HttpServletResponse response, HttpStatus status, String detail, String error)
            throws IOException {
        if (error != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Dieu Hanh\", error=\"" + error + "\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
