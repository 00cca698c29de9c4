package org.opencc.compliance.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencc.contracts.Channel;

/**
 * Reads and validates a policy file (format: README "Policy file"). Every problem is collected before failing,
 * each named by its JSON pointer, line and column; a file with any problem is refused as a whole, since a
 * half-loaded policy would decide some calls under rules nobody wrote.
 */
public final class PolicyLoader {
    private static final Set<String> TOP_MEMBERS = Set.of("version", "notice", "regions", "jurisdictions");
    private static final Set<String> JURISDICTION_MEMBERS = Set.of("country", "subdivision", "name", "notes",
            "consent", "announcements", "announcement_locale", "recording", "retention_days", "residency");
    private static final Set<String> COUNTRIES = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z0-9]{1,3}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");

    private final LocatedJson json;
    private final List<String> problems = new ArrayList<>();

    private PolicyLoader(LocatedJson json) {
        this.json = json;
    }

    /**
     * @param source the file's name for messages
     * @param text the file's content
     * @throws PolicyException naming every problem, with its pointer, line and column
     */
    public static Policy load(String source, String text) {
        LocatedJson json;
        try {
            json = LocatedJson.parse(text);
        } catch (LocatedJson.MalformedJson e) {
            throw new PolicyException(source, List.of(e.getMessage()));
        }
        PolicyLoader loader = new PolicyLoader(json);
        Policy policy = loader.policy(json.root());
        if (!loader.problems.isEmpty()) {
            throw new PolicyException(source, loader.problems);
        }
        return policy;
    }

    private Policy policy(JsonNode root) {
        if (!root.isObject()) {
            problem("", "must be an object");
            return null;
        }
        unknownMembers(root, "", TOP_MEMBERS);
        String version = text(root, "", "version", true);
        Map<String, Set<String>> regions = regions(root.get("regions"));
        List<Jurisdiction> jurisdictions = new ArrayList<>();
        JsonNode list = required(root, "", "jurisdictions");
        if (list != null && (!list.isArray() || list.isEmpty())) {
            problem("/jurisdictions", "must be a non-empty array");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                Jurisdiction j = jurisdiction(list.get(i), "/jurisdictions/" + i);
                if (j != null) {
                    jurisdictions.add(j);
                }
            }
        }
        crossCheck(jurisdictions, regions);
        return new Policy(version, regions, List.copyOf(jurisdictions));
    }

    private Map<String, Set<String>> regions(JsonNode node) {
        Map<String, Set<String>> regions = new LinkedHashMap<>();
        if (node == null) {
            problem("/regions", "missing");
        } else if (!node.isObject() || node.isEmpty()) {
            problem("/regions", "must be a non-empty object: region -> residency zones it may hold");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> region = it.next();
                String pointer = "/regions/" + region.getKey();
                if (!REGION.matcher(region.getKey()).matches()) {
                    problem(pointer, "a region is 1-32 of a-z, 0-9 and -");
                }
                Set<String> zones = new LinkedHashSet<>();
                if (!region.getValue().isArray() || region.getValue().isEmpty()) {
                    problem(pointer, "must be a non-empty array of residency zones");
                } else {
                    for (int i = 0; i < region.getValue().size(); i++) {
                        JsonNode zone = region.getValue().get(i);
                        if (!zone.isTextual() || zone.asText().isBlank()) {
                            problem(pointer + "/" + i, "must be a non-empty string");
                        } else {
                            zones.add(zone.asText());
                        }
                    }
                }
                regions.put(region.getKey(), Set.copyOf(zones));
            }
        }
        return regions;
    }

    private Jurisdiction jurisdiction(JsonNode node, String pointer) {
        if (!node.isObject()) {
            problem(pointer, "must be an object");
            return null;
        }
        int before = problems.size();
        unknownMembers(node, pointer, JURISDICTION_MEMBERS);
        String country = text(node, pointer, "country", true);
        if (country != null && !COUNTRIES.contains(country)) {
            problem(pointer + "/country", "not an ISO 3166-1 alpha-2 code: " + country + " (the UK is GB)");
        }
        String subdivision = text(node, pointer, "subdivision", false);
        if (subdivision != null && !SUBDIVISION.matcher(subdivision).matches()) {
            problem(pointer + "/subdivision", "must be the ISO 3166-2 code without the country, e.g. CA");
        }
        String consentText = text(node, pointer, "consent", true);
        ConsentModel consent = consentText == null ? null : ConsentModel.of(consentText).orElse(null);
        if (consentText != null && consent == null) {
            problem(pointer + "/consent", "must be one-party or all-party, not " + consentText);
        }
        Map<String, String> announcements = announcements(node.get("announcements"), pointer + "/announcements");
        String locale = text(node, pointer, "announcement_locale", false);
        if (locale == null && !announcements.isEmpty()) {
            problem(pointer + "/announcement_locale", "missing: name the locale of the announcement to play");
        } else if (locale != null && !announcements.containsKey(locale)) {
            problem(pointer + "/announcement_locale", "no announcement for " + locale);
        }
        if (consent == ConsentModel.ALL_PARTY && announcements.isEmpty()) {
            problem(pointer + "/announcements", "an all-party jurisdiction needs an announcement");
        }
        Map<Channel, Boolean> recording = recording(node.get("recording"), pointer + "/recording");
        Map<DataClass, Integer> retention = retention(node.get("retention_days"), pointer + "/retention_days");
        String residency = text(node, pointer, "residency", true);
        String name = text(node, pointer, "name", false);
        text(node, pointer, "notes", false);
        return problems.size() > before ? null : new Jurisdiction(country, subdivision, name, consent,
                Map.copyOf(announcements), locale, recording, retention, residency);
    }

    private Map<String, String> announcements(JsonNode node, String pointer) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null) {
            return texts;
        }
        if (!node.isObject()) {
            problem(pointer, "must be an object: locale -> text");
            return texts;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                problem(pointer + "/" + entry.getKey(), "must be a non-empty string");
            } else {
                texts.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return texts;
    }

    private Map<Channel, Boolean> recording(JsonNode node, String pointer) {
        Map<Channel, Boolean> allowed = new EnumMap<>(Channel.class);
        if (!objectOrProblem(node, pointer)) {
            return allowed;
        }
        Set<String> known = new HashSet<>();
        for (Channel channel : Channel.values()) {
            known.add(channel.value());
            JsonNode value = node.get(channel.value());
            if (value == null || !value.isBoolean()) {
                problem(pointer + "/" + channel.value(), value == null ? "missing" : "must be true or false");
            } else {
                allowed.put(channel, value.booleanValue());
            }
        }
        unknownMembers(node, pointer, known);
        return allowed;
    }

    private Map<DataClass, Integer> retention(JsonNode node, String pointer) {
        Map<DataClass, Integer> days = new EnumMap<>(DataClass.class);
        if (!objectOrProblem(node, pointer)) {
            return days;
        }
        Set<String> known = new HashSet<>();
        for (DataClass dataClass : DataClass.values()) {
            known.add(dataClass.value());
            JsonNode value = node.get(dataClass.value());
            if (value == null || !value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 36_500) {
                problem(pointer + "/" + dataClass.value(), value == null ? "missing" : "must be whole days, 1..36500");
            } else {
                days.put(dataClass, value.intValue());
            }
        }
        unknownMembers(node, pointer, known);
        return days;
    }

    // a subdivision needs its country's entry (the country-wide rule applies beside it), each entry is unique,
    // and a residency zone no region may hold would make every recording there impossible
    private void crossCheck(List<Jurisdiction> jurisdictions, Map<String, Set<String>> regions) {
        Set<String> codes = new HashSet<>();
        Set<String> zones = new HashSet<>();
        regions.values().forEach(zones::addAll);
        for (int i = 0; i < jurisdictions.size(); i++) {
            Jurisdiction j = jurisdictions.get(i);
            if (!codes.add(j.code())) {
                problem("/jurisdictions/" + i, "a second entry for " + j.code());
            }
            if (!regions.isEmpty() && !zones.contains(j.residency())) {
                problem("/jurisdictions/" + i + "/residency", "no region holds residency zone " + j.residency());
            }
        }
        for (Jurisdiction j : jurisdictions) {
            if (j.subdivision() != null && !codes.contains(j.country())) {
                problem("/jurisdictions", j.code() + " needs a country-wide entry for " + j.country());
                codes.add(j.country());
            }
        }
    }

    private boolean objectOrProblem(JsonNode node, String pointer) {
        if (node == null) {
            problem(pointer, "missing");
            return false;
        }
        if (!node.isObject()) {
            problem(pointer, "must be an object");
            return false;
        }
        return true;
    }

    private String text(JsonNode parent, String pointer, String member, boolean required) {
        JsonNode value = required ? required(parent, pointer, member) : parent.get(member);
        if (value == null || value.isNull() && !required) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem(pointer + "/" + member, "must be a non-empty string");
            return null;
        }
        return value.asText();
    }

    private JsonNode required(JsonNode parent, String pointer, String member) {
        JsonNode value = parent.get(member);
        if (value == null) {
            problem(pointer + "/" + member, "missing");
        }
        return value;
    }

    private void unknownMembers(JsonNode node, String pointer, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(pointer + "/" + name, "unknown member (allowed: " + String.join(", ", known.stream()
                        .sorted().toList()) + ")");
            }
        });
    }

    private void problem(String pointer, String reason) {
        problems.add((pointer.isEmpty() ? "/" : pointer) + json.where(pointer) + ": " + reason);
    }
}
