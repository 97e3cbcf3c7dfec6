package vn.dieuhanh.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the web app's pages (docs/webapp.md). Its failures are answered with the web app's error page
 * in the layout (Vietnamese title and message, the right 4xx status) instead of the problem details {@code /api}
 * answers with.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WebPage {
}
