package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's own files for the Camunda webapps (config.js, user-styles.css, Tasklist's moment locale module)
 * shadow the webjar's and rely on details of the webjar that a Camunda upgrade may change; see docs/webapps.md.
 * Plain JUnit, no Spring context.
 */
class WebappConfigTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theCamunda8MigrationBannerIsHidden(String app) throws IOException {
    // 7.24 renders <div ng-if="isCommunityEdition" class="ce-eol-banner"> and sets isCommunityEdition = true without
    // any config.js option; our user-styles.css (loaded after Camunda's stylesheet) hides that element.
    String bundle = webjarText(app, "camunda-" + app + "-bootstrap.js");
    assertThat(bundle).contains("class=\"ce-eol-banner\"").contains("BANNER_CE_EOL_TEXT");
    assertThat(bundle).as("header controller still shows the banner unconditionally (no option to switch it off)")
        .contains("isCommunityEdition=!0");

    URL styles = firstOnClasspath(app, "styles/user-styles.css");
    assertThat(styles.toString()).doesNotContain("camunda-webapp-webjar");
    assertThat(read(styles)).containsPattern("\\[cam-widget-header] \\.ce-eol-banner \\{\\s*display: none !important;");
    assertThat(webjarText(app, "index.html")).contains("/app/" + app + "/styles/user-styles.css");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void ourConfigJsKeepsEveryLineOfTheWebjarsDefault(String app) throws IOException {
    // config.js is a copy of the webjar's with additions only; a setting added upstream must be carried over.
    List<String> ours = read(firstOnClasspath(app, "scripts/config.js")).lines().toList();
    List<String> missing = new ArrayList<>();
    int position = 0;
    for (String line : webjarText(app, "scripts/config.js").lines().toList()) {
      int found = ours.subList(position, ours.size()).indexOf(line);
      if (found < 0) {
        missing.add(line);
      } else {
        position += found + 1;
      }
    }
    assertThat(missing).as("lines of the webjar's %s config.js missing (or out of order) in ours", app).isEmpty();
  }

  @Test
  void tasklistOffersNoActionThatBypassesTheLifecycle() throws IOException {
    // "Create task" is a plugin: excluded by id on <base cam-exclude-plugins> of our index.html, which is the
    // webjar's with that one attribute added (Camunda's filter reads index.html through the class path)
    URL index = firstOnClasspath("tasklist", "index.html");
    assertThat(index.toString()).doesNotContain("camunda-webapp-webjar");
    String webjarIndex = webjarText("tasklist", "index.html");
    assertThat(read(index).replace("        cam-exclude-plugins=\"tasklist.navbar.action:create-task-action\"\n", ""))
        .as("our index.html is the webjar's plus the exclusion").isEqualTo(webjarIndex);
    assertThat(webjarResource("META-INF/resources/plugin/tasklist/app/plugin.js"))
        .contains("id:\"create-task-action\"");
    assertThat(webjarText("tasklist", "camunda-tasklist-bootstrap.js")).contains("cam-exclude-plugins");

    // due date, follow-up date and groups: read-only in the task's header (the engine refuses the change anyway)
    String bundle = webjarText("tasklist", "camunda-tasklist-bootstrap.js");
    assertThat(bundle).contains("class=\"due-date\"").contains("class=\"followup-date\"")
        .contains("<li class=\"groups\">").contains("translate=\"SET_DUE_DATE\"")
        .contains("translate=\"SET_FOLLOW_UP_DATE\"").contains("translate=\"ADD_GROUPS\"");
    String styles = read(firstOnClasspath("tasklist", "styles/user-styles.css"));
    assertThat(styles).contains(".meta.dates .due-date", ".meta.dates .followup-date", ".meta.actors .groups > span",
        "pointer-events: none", "a[translate=\"SET_DUE_DATE\"]", "a[translate=\"ADD_GROUPS\"]");
  }

  @Test
  void tasklistLoadsTheMomentLocaleModule() throws IOException {
    String config = read(firstOnClasspath("tasklist", "scripts/config.js"));
    assertThat(config).containsPattern("\\n  requireJsConfig: \\{\\s*ngDeps: \\['dieuhanh.momentLocale'],"
        + "\\s*deps: \\['dieuhanh-moment-locale'],"
        + "\\s*paths: \\{\\s*'dieuhanh-moment-locale': 'dieuhanh/moment-locale'");
    String module = read(firstOnClasspath("tasklist", "dieuhanh/moment-locale.js"));
    assertThat(module).contains("angular.module('dieuhanh.momentLocale'")
        .contains("moment.locale(language)").contains("$broadcast('amMoment:localeChanged')");

    // What the module compensates for: the webjar's locale loader defines/updates moment locales (which also
    // switches moment's global locale), and angular-moment's am-time-ago re-renders on amMoment:localeChanged.
    String bundle = webjarText("tasklist", "camunda-tasklist-bootstrap.js");
    assertThat(bundle).contains("updateLocale(").contains("defineLocale(").contains("am-time-ago=");
    assertThat(webjarText("../lib", "deps.js")).contains("amMoment:localeChanged");
  }

  private static URL firstOnClasspath(String app, String path) {
    URL url = WebappConfigTest.class.getClassLoader().getResource(APPS + app + "/" + path);
    assertThat(url).as(APPS + app + "/" + path + " on the classpath").isNotNull();
    return url;
  }

  private static String webjarText(String app, String path) throws IOException {
    return webjarResource((APPS + app + "/" + path).replace("app/../", ""));
  }

  private static String webjarResource(String name) throws IOException {
    for (URL url : Collections.list(WebappConfigTest.class.getClassLoader().getResources(name))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        return read(url);
      }
    }
    throw new AssertionError(name + " not found in the Camunda webjar");
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
