package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese locales of the Camunda webapps (src/main/resources/META-INF/resources/webjars/camunda/app/
 * {tasklist,cockpit,admin,welcome}/locales/vi.json) must stay complete against the en.json of the Camunda webjar on
 * the classpath. After a Camunda upgrade this test lists the keys that were added upstream (see docs/webapps.md).
 * Plain JUnit, no Spring context.
 */
class WebappLocaleTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern MARKUP = Pattern.compile("</?(?:a|br|strong)\\b[^>]*>|&[a-z]+;");

  /**
   * The only English values a Vietnamese label may repeat unchanged: product names, codes, symbols and formats.
   * "s" is a plural suffix that 7.24 still lists in Cockpit's en.json but no longer uses; "" is Tasklist's
   * intentionally empty NO_TASK_FORM.
   */
  private static final Set<String> SAME_AS_ENGLISH = Set.of(
      "Camunda", "Cockpit", "Camunda Cockpit", "Optimize", "ID", "ID*", "CSV", "JSON",
      "null", "<null>", "<", "<=", ">", ">=", "YYYY-MM-DDTHH:mm:ss", "s", "");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAVietnameseTranslation(String app) throws IOException {
    JsonNode en = read(app, "locales/en.json").path("labels");
    JsonNode vi = read(app, "locales/vi.json").path("labels");
    assertThat(en.size()).as("labels in the webjar's %s en.json", app).isGreaterThan(100);

    List<String> missing = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    List<String> brokenPlaceholders = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      String english = entry.getValue().asText();
      JsonNode translated = vi.get(key);
      if (translated == null || !translated.isTextual()) {
        missing.add(key);
      } else if (translated.asText().isBlank() && !english.isBlank()) {
        empty.add(key);
      } else if (translated.asText().equals(english) && !SAME_AS_ENGLISH.contains(english)) {
        untranslated.add(key + " = " + english);
      } else if (!tokens(PLACEHOLDER, english).equals(tokens(PLACEHOLDER, translated.asText()))
          || !tokens(MARKUP, english).equals(tokens(MARKUP, translated.asText()))) {
        brokenPlaceholders.add(key);
      }
    }
    assertThat(missing).as("keys of %s en.json missing in vi.json", app).isEmpty();
    assertThat(empty).as("empty translations in %s vi.json", app).isEmpty();
    assertThat(untranslated).as("%s vi.json values still in English", app).isEmpty();
    assertThat(brokenPlaceholders)
        .as("%s translations whose {{ placeholders }} or HTML differ from en.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void vietnameseDateLocaleDefinesWhatEnglishDefines(String app) throws IOException {
    JsonNode en = read(app, "locales/en.json").path("dateLocales");
    JsonNode vi = read(app, "locales/vi.json").path("dateLocales");
    assertThat(names(en)).isNotEmpty();
    assertThat(names(vi)).containsAll(names(en));
    assertThat(vi.path("months").size()).isEqualTo(12);
    assertThat(vi.path("weekdays").size()).isEqualTo(7);
    assertThat(vi.path("relativeTime").path("future").asText()).isEqualTo("sau %s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void viJsonKeepsTheWebjarEncodingConvention(String app) throws IOException {
    // Camunda's locale files are UTF-8 with a byte-order mark; vi.json follows the same convention.
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertThat(firstBytes(app, "locales/en.json", 3)).isEqualTo(bom);
    assertThat(firstBytes(app, "locales/vi.json", 3)).isEqualTo(bom);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theApplicationsConfigJsShadowsTheWebjarsAndOffersVietnamese(String app) throws IOException {
    // ClassLoader#getResource returns the first match, as Spring's classpath: resource locations do:
    // the application's own config.js must come before the webjar's.
    URL first = resource(app, "scripts/config.js");
    assertThat(first.toString()).doesNotContain("camunda-webapp-webjar");
    String config = new String(first.openStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(config).containsPattern("\\n  locales:\\s*\\{\\s*availableLocales:\\s*\\[\\s*'vi',\\s*'en'\\s*]")
        .containsPattern("fallbackLocale:\\s*'en'");
  }

  private JsonNode read(String app, String path) throws IOException {
    try (InputStream in = resource(app, path).openStream()) {
      return json.readTree(in); // Jackson skips the UTF-8 byte-order mark
    }
  }

  private byte[] firstBytes(String app, String path, int n) throws IOException {
    try (InputStream in = resource(app, path).openStream()) {
      return in.readNBytes(n);
    }
  }

  private static URL resource(String app, String path) {
    URL url = WebappLocaleTest.class.getClassLoader().getResource(APPS + app + "/" + path);
    assertThat(url).as(APPS + app + "/" + path + " on the classpath").isNotNull();
    return url;
  }

  private static TreeSet<String> tokens(Pattern pattern, String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.groupCount() > 0 ? m.group(1) : m.group());
    }
    return found;
  }

  private static TreeSet<String> names(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
