package vn.dieuhanh.chat.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dieuhanh.organisation.UnitSearch;

/**
 * What a message's text holds besides words: mentions ({@code @user.id}, {@code @unit-code}) and links to records
 * ({@code viec:<id>} or {@code /viec/<id>}, {@code chi-tieu:<code>}, {@code chi-dao:<id>} or {@code /api/directives/<id>},
 * {@code bao-cao:<id>} or {@code /api/indicator-reports/<id>}); and the
 * folded text (lower case, no diacritics) stored for search.
 */
final class ChatText {

    static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([a-z0-9][a-z0-9._-]{0,148}[a-z0-9])");
    /**
     * A prefix ({@code viec:}, {@code chi-tieu:}, {@code chi-dao:}, {@code bao-cao:}) or a path as copied from a page
     * or the REST API ({@code /viec/<id>}, {@code /api/assignments/<id>}, {@code /api/directives/<id>},
     * {@code /api/indicator-reports/<id>}, also inside a full address), then the id (a directive's {@code directiveId}
     * or an indicator report's {@code reportId} as the REST API returns them).
     */
    static final Pattern LINK = Pattern.compile(
            "(?:(?<![\\p{L}\\p{N}_/-])(viec|chi-tieu|chi-dao|bao-cao):"
                    + "|/(viec|api/assignments|api/directives|api/indicator-reports)/)"
                    + "([A-Za-z0-9][A-Za-z0-9._-]{0,99})");

    enum LinkKind {
        ASSIGNMENT("viec", "api/assignments"), INDICATOR("chi-tieu", null), DIRECTIVE("chi-dao", "api/directives"),
        REPORT("bao-cao", "api/indicator-reports");

        final String prefix;
        final String path;

        LinkKind(String prefix, String path) {
            this.prefix = prefix;
            this.path = path;
        }

        static LinkKind of(String prefix) {
            for (LinkKind kind : values()) {
                if (kind.prefix.equals(prefix) || prefix.equals(kind.path)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(prefix);
        }
    }

    record Link(LinkKind kind, String id) {
    }

    private ChatText() {
    }

    /** The names after {@code @}, in order, without repeats (user ids or unit codes, to be resolved). */
    static Set<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text == null ? "" : text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static List<Link> links(String text) {
        Set<Link> links = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(text == null ? "" : text);
        while (matcher.find()) {
            String prefix = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String id = matcher.group(3);
            while (id.endsWith(".") || id.endsWith("-")) {
                id = id.substring(0, id.length() - 1);
            }
            links.add(new Link(LinkKind.of(prefix), id));
        }
        return List.copyOf(links);
    }

    /** Lower case, without diacritics ("Bến Thành" and "ben thanh" fold alike), words separated by one space. */
    static String fold(String text) {
        return UnitSearch.fold(text == null ? "" : text);
    }
}
