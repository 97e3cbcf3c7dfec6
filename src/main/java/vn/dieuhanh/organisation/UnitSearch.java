package vn.dieuhanh.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds active units by name the way officials type on a phone: without diacritics, in any case, by the start of
 * any word ("thanh an", "Thạnh An", "tan hung"). Names that are the same once diacritics are removed (Xã Thanh An
 * and Xã Thạnh An) are marked as look-alikes, with the letters that tell them apart, their kind and the unit above
 * them, so that nobody assigns work to the wrong commune.
 */
@Component
public class UnitSearch {

    /** A part of a unit's name; {@code distinct} parts are the letters that differ from a look-alike's name. */
    public record Part(String text, boolean distinct) {
    }

    /**
     * A unit found: its kind's label, the name of the unit above it, and the names of the units it could be mistaken
     * for (empty if none).
     */
    public record Match(Unit unit, String kindLabel, String parentName, List<String> lookAlikes, List<Part> parts) {

        public boolean lookAlike() {
            return !lookAlikes.isEmpty();
        }
    }

    private final OrganisationDirectory directory;

    public UnitSearch(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** Units whose name matches the query, best matches first, at most {@code limit}; none for a blank query. */
    public List<Match> search(String query, int limit) {
        return search(directory.units(Optional.empty()), query, limit);
    }

    /** The same over a given list of units (those an official may choose from). */
    public static List<Match> search(List<Unit> units, String query, int limit) {
        String q = fold(query == null ? "" : query);
        if (q.isEmpty()) {
            return List.of();
        }
        String exact = query.strip().toLowerCase(Locale.ROOT);
        Map<String, Unit> byCode = units.stream().collect(Collectors.toMap(Unit::code, Function.identity(), (a, b) -> a));
        Map<String, List<Unit>> byFoldedName = new HashMap<>();
        units.forEach(unit -> byFoldedName.computeIfAbsent(fold(unit.name()), k -> new ArrayList<>()).add(unit));
        record Scored(Unit unit, int score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            int score = score(unit, q, exact);
            if (score >= 0) {
                scored.add(new Scored(unit, score, i));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparingInt(Scored::order));
        List<Match> matches = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            Unit unit = s.unit();
            List<Unit> same = byFoldedName.getOrDefault(fold(unit.name()), List.of()).stream()
                    .filter(other -> !other.code().equals(unit.code())).toList();
            Unit parent = unit.parentCode() == null ? null : byCode.get(unit.parentCode());
            matches.add(new Match(unit, unit.kind().label(), parent == null ? null : parent.name(),
                    same.stream().map(Unit::name).toList(), parts(unit.name(), same)));
        }
        return matches;
    }

    /** Lower case, without diacritics (đ as d), words separated by single spaces. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ');
        }
        return out.toString().trim().replaceAll("\\s+", " ");
    }

    /**
     * 0: the name as typed, with its diacritics; 1: the folded name (or without its kind word) starts with the query;
     * 2: the query is a run of whole or starting words of the name; 3: every word of the query starts a word of the
     * name or the code; -1: no match.
     */
    private static int score(Unit unit, String q, String exact) {
        String name = fold(unit.name());
        String nameLower = Normalizer.normalize(unit.name(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String exactNfc = Normalizer.normalize(exact, Normalizer.Form.NFC);
        if (!exactNfc.equals(fold(exactNfc)) && (nameLower.equals(exactNfc) || nameLower.endsWith(" " + exactNfc))) {
            return 0;
        }
        String withoutKind = withoutKindWords(name);
        if (name.startsWith(q) || withoutKind.startsWith(q)) {
            return 1;
        }
        if ((" " + name).contains(" " + q)) {
            return 2;
        }
        List<String> words = new ArrayList<>(List.of(name.split(" ")));
        words.addAll(List.of(fold(unit.code()).split(" ")));
        for (String token : q.split(" ")) {
            if (words.stream().noneMatch(word -> word.startsWith(token))) {
                return -1;
            }
        }
        return 3;
    }

    private static String withoutKindWords(String folded) {
        for (String prefix : List.of("phuong ", "xa ", "dac khu ", "so ", "ban ", "van phong ")) {
            if (folded.startsWith(prefix)) {
                return folded.substring(prefix.length());
            }
        }
        return folded;
    }

    /** The name in parts, the letters that differ from any look-alike of the same length marked distinct. */
    static List<Part> parts(String name, List<Unit> lookAlikes) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        boolean[] distinct = new boolean[n.length()];
        for (Unit other : lookAlikes) {
            String o = Normalizer.normalize(other.name(), Normalizer.Form.NFC);
            if (o.length() == n.length()) {
                for (int i = 0; i < n.length(); i++) {
                    distinct[i] |= n.charAt(i) != o.charAt(i);
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            if (i > 0 && distinct[i] != distinct[i - 1]) {
                parts.add(new Part(run.toString(), distinct[i - 1]));
                run.setLength(0);
            }
            run.append(n.charAt(i));
        }
        if (!run.isEmpty()) {
            parts.add(new Part(run.toString(), distinct[n.length() - 1]));
        }
        return parts;
    }
}
