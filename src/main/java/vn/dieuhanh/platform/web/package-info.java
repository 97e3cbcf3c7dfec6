/**
 * Answers to failed requests: problem details for {@code /api} and engine REST, and the classification of failures into
 * user errors ({@link vn.dieuhanh.platform.web.UserErrors}), which the web app's pages use too.
 */
@org.springframework.modulith.NamedInterface("web")
package vn.dieuhanh.platform.web;
