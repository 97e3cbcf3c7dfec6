/**
 * The web app's shell (issue 16, docs/webapp.md): the session login at {@code /dang-nhap} and logout, CSRF protection
 * of the web app's pages, the layout ({@code templates/workspace/layout.html}) and navigation, Việc của tôi, Việc đã
 * giao, the inbox and its live updates ({@code /su-kien}), the installable shell (manifest, service worker).
 * Capabilities keep their own pages beside their REST controllers and use the layout by name; nothing depends on this
 * package.
 */
package vn.dieuhanh.workspace;
