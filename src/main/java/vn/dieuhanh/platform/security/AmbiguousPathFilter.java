package vn.dieuhanh.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: a raw URL with an ambiguous encoding ({@link RequestPaths#ambiguity(String)}) is a
 * 400 before anything looks at it, so no later decision can disagree with the resource that answers.
 */
class AmbiguousPathFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> ambiguity = RequestPaths.ambiguity(request.getRequestURI());
        if (ambiguity.isPresent()) {
            Problems.write(response, HttpServletResponse.SC_BAD_REQUEST, "Đường dẫn chứa chuỗi mã hoá không được "
                    + "chấp nhận (" + ambiguity.get() + ") (URL with an ambiguous encoding or path parameter refused)");
            return;
        }
        chain.doFilter(request, response);
    }
}
