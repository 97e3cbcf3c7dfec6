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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese Tasklist locale (src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/locales/vi.json)
 * must stay complete against the en.json of the Camunda webjar on the classpath. After a Camunda upgrade this test
 * lists the keys that were added upstream (see docs/webapps.md). Plain JUnit, no Spring context.
 */
class TasklistLocaleTest {

  private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern MARKUP = Pattern.compile("</?(?:a|br)\\b[^>]*>|&[a-z]+;");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyEnglishLabelHasAVietnameseTranslation() throws IOException {
    JsonNode en = read("locales/en.json").path("labels");
    JsonNode vi = read("locales/vi.json").path("labels");
    assertThat(en.size()).as("labels in the webjar's en.json").isGreaterThan(300);

    List<String> missing = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> brokenPlaceholders = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      String english = entry.getValue().asText();
      JsonNode translated = vi.get(key);
      if (translated == null || !translated.isTextual()) {
        missing.add(key);
      } else if (translated.asText().isBlank() && !english.isBlank()) {
        empty.add(key); // en.json itself has one intentionally empty label (NO_TASK_FORM)
      } else if (!tokens(PLACEHOLDER, english).equals(tokens(PLACEHOLDER, translated.asText()))
          || !tokens(MARKUP, english).equals(tokens(MARKUP, translated.asText()))) {
        brokenPlaceholders.add(key);
      }
    }
    assertThat(missing).as("keys of en.json missing in vi.json").isEmpty();
    assertThat(empty).as("empty translations in vi.json").isEmpty();
    assertThat(brokenPlaceholders).as("translations whose {{ placeholders }} or HTML differ from en.json").isEmpty();
  }

  @Test
  void vietnameseDateLocaleDefinesWhatEnglishDefines() throws IOException {
    JsonNode en = read("locales/en.json").path("dateLocales");
    JsonNode vi = read("locales/vi.json").path("dateLocales");
    assertThat(names(vi)).containsAll(names(en));
    assertThat(vi.path("months").size()).isEqualTo(12);
    assertThat(vi.path("weekdays").size()).isEqualTo(7);
  }

  @Test
  void viJsonKeepsTheWebjarEncodingConvention() throws IOException {
    // Camunda's locale files are UTF-8 with a byte-order mark; vi.json follows the same convention.
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertThat(firstBytes("locales/en.json", 3)).isEqualTo(bom);
    assertThat(firstBytes("locales/vi.json", 3)).isEqualTo(bom);
  }

  @Test
  void theApplicationsConfigJsShadowsTheWebjarsAndOffersVietnamese() throws IOException {
    // ClassLoader#getResource returns the first match, as Spring's classpath: resource locations do:
    // the application's own config.js must come before the webjar's.
    URL first = resource("scripts/config.js");
    assertThat(first.toString()).doesNotContain("camunda-webapp-webjar");
    String config = new String(first.openStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(config).containsPattern("availableLocales:\\s*\\[\\s*'vi',\\s*'en'\\s*]")
        .containsPattern("fallbackLocale:\\s*'en'")
        .contains("shortcuts:"); // the rest of the original config.js is kept
  }

  private JsonNode read(String path) throws IOException {
    try (InputStream in = resource(path).openStream()) {
      return json.readTree(in); // Jackson skips the UTF-8 byte-order mark
    }
  }

  private byte[] firstBytes(String path, int n) throws IOException {
    try (InputStream in = resource(path).openStream()) {
      return in.readNBytes(n);
    }
  }

  private static URL resource(String path) {
    URL url = TasklistLocaleTest.class.getClassLoader().getResource(TASKLIST + path);
    assertThat(url).as(TASKLIST + path + " on the classpath").isNotNull();
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
