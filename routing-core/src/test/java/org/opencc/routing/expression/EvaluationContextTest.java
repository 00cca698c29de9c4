package org.opencc.routing.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationContextTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Wednesday 2025-01-15 09:05 UTC, 10:05 in Madrid. */
    private static final Instant WEDNESDAY_0905_UTC = Instant.parse("2025-01-15T09:05:00Z");

    /** Twilio's time-of-day example: different opening hours per day of week. */
    private static final Expression OPENING_HOURS = Expression.parse("""
            (taskrouter.dayOfWeek IN ['Mon', 'Tue', 'Thu'] AND taskrouter.currentTime > 800
                AND taskrouter.currentTime < 1730)
            OR (taskrouter.dayOfWeek IN ['Wed', 'Fri'] AND taskrouter.currentTime > 900
                AND taskrouter.currentTime < 1830)
            OR (taskrouter.dayOfWeek = 'Sat' AND taskrouter.currentTime > 1100 AND taskrouter.currentTime < 1530)
            """);

    private static EvaluationContext at(String localDateTime, ZoneId zone) {
        return EvaluationContext.at(ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone));
    }

    private static boolean eval(String text, EvaluationContext context) {
        return Expression.parse(text).matches(Map.of(), context);
    }

    @Test
    void timeVariablesHaveTheDocumentedShapes() {
        EvaluationContext context = EvaluationContext.at(WEDNESDAY_0905_UTC, ZoneOffset.UTC);
        assertEquals(905, context.value(EvaluationContext.CURRENT_TIME));
        assertEquals(9, context.value(EvaluationContext.CURRENT_HOUR));
        assertEquals(5, context.value(EvaluationContext.CURRENT_MIN));
        assertEquals("Wed", context.value(EvaluationContext.DAY_OF_WEEK));
        assertTrue(eval("taskrouter.currentTime == 905", context));
        assertTrue(eval("taskrouter.currentTime > 0800 AND taskrouter.currentTime < 1830", context));
        assertTrue(eval("taskrouter.currentHour > 8 AND taskrouter.currentHour < 18", context));
        assertTrue(eval("taskrouter.currentMin > 4 AND taskrouter.currentMin < 6", context));
        assertTrue(eval("taskrouter.dayOfWeek == 'Wed'", context));
    }

    @Test
    void dayOfWeekUsesTheDocumentedThreeLetterNames() {
        LocalDate monday = LocalDate.of(2025, 1, 13);
        List<String> expected = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        for (int i = 0; i < 7; i++) {
            LocalDate day = monday.plusDays(i);
            assertEquals(DayOfWeek.MONDAY.plus(i), day.getDayOfWeek());
            EvaluationContext context = EvaluationContext.at(ZonedDateTime.of(day, LocalTime.NOON, ZoneOffset.UTC));
            assertTrue(eval("taskrouter.dayOfWeek == '" + expected.get(i) + "'", context), expected.get(i));
        }
    }

    @Test
    void midnightAndLastMinuteOfTheDay() {
        EvaluationContext midnight = at("2025-01-15T00:00", ZoneOffset.UTC);
        assertTrue(eval("taskrouter.currentTime == 0 AND taskrouter.currentHour == 0 AND taskrouter.currentMin == 0",
                midnight));
        EvaluationContext late = at("2025-01-15T23:59:59", ZoneOffset.UTC);
        assertTrue(eval("taskrouter.currentTime == 2359 AND taskrouter.currentHour == 23", late));
    }

    @Test
    void timeIsTakenInTheContextsZone() {
        // 09:05 UTC is 10:05 in Madrid (CET, winter).
        EvaluationContext madrid = EvaluationContext.at(WEDNESDAY_0905_UTC, MADRID);
        assertTrue(eval("taskrouter.currentTime == 1005", madrid));
        // 23:30 UTC on Sunday is already Monday 08:30 in Tokyo.
        EvaluationContext tokyo = EvaluationContext.at(Instant.parse("2025-01-12T23:30:00Z"), ZoneId.of("Asia/Tokyo"));
        assertTrue(eval("taskrouter.dayOfWeek == 'Mon' AND taskrouter.currentTime == 830", tokyo));
        EvaluationContext utc = EvaluationContext.at(Instant.parse("2025-01-12T23:30:00Z"), ZoneOffset.UTC);
        assertTrue(eval("taskrouter.dayOfWeek == 'Sun' AND taskrouter.currentTime == 2330", utc));
    }

    @Test
    void documentedOpeningHoursExampleRoutesByDayAndTime() {
        assertTrue(OPENING_HOURS.matches(Map.of(), at("2025-01-13T08:01", MADRID)));   // Mon
        assertFalse(OPENING_HOURS.matches(Map.of(), at("2025-01-13T08:00", MADRID)));  // Mon, not after 800
        assertFalse(OPENING_HOURS.matches(Map.of(), at("2025-01-13T17:30", MADRID)));  // Mon closed
        assertFalse(OPENING_HOURS.matches(Map.of(), at("2025-01-15T08:30", MADRID)));  // Wed opens at 9
        assertTrue(OPENING_HOURS.matches(Map.of(), at("2025-01-15T18:00", MADRID)));   // Wed until 18:30
        assertTrue(OPENING_HOURS.matches(Map.of(), at("2025-01-18T12:00", MADRID)));   // Sat
        assertFalse(OPENING_HOURS.matches(Map.of(), at("2025-01-18T16:00", MADRID)));  // Sat closed
        assertFalse(OPENING_HOURS.matches(Map.of(), at("2025-01-19T12:00", MADRID)));  // Sun closed
    }

    @Test
    void businessHoursFollowDaylightSavingInTheWorkflowZone() {
        Expression open = Expression.parse("taskrouter.currentHour >= 9 AND taskrouter.currentHour < 17");
        // 08:30 UTC: 09:30 in Madrid in winter (UTC+1), 10:30 in summer (UTC+2); 07:30 UTC is closed in winter only.
        assertTrue(open.matches(Map.of(), EvaluationContext.at(Instant.parse("2025-01-15T08:30:00Z"), MADRID)));
        assertFalse(open.matches(Map.of(), EvaluationContext.at(Instant.parse("2025-01-15T07:30:00Z"), MADRID)));
        assertTrue(open.matches(Map.of(), EvaluationContext.at(Instant.parse("2025-07-15T07:30:00Z"), MADRID)));
    }

    @Test
    void holidaysCanBeRoutedWithTaskOrVariableData() {
        // Holidays are data: here a variable holding today's date in the workflow's zone.
        Expression holiday = Expression.parse("calendar.today IN ['2025-12-25', '2026-01-01']");
        EvaluationContext christmas = EvaluationContext.at(Instant.parse("2025-12-25T10:00:00Z"), MADRID)
                .withVariable("calendar.today", "2025-12-25");
        assertTrue(holiday.matches(Map.of(), christmas));
        assertFalse(holiday.matches(Map.of(), christmas.withVariable("calendar.today", "2025-12-26")));
    }

    @Test
    void withoutContextTimeVariablesAreMissing() {
        Expression expression = Expression.parse("taskrouter.currentTime > 0");
        assertFalse(expression.matches(Map.of()));
        assertTrue(Expression.parse("taskrouter.dayOfWeek == null").matches(Map.of()));
        assertTrue(Expression.parse("taskrouter.currentHour != 3").matches(null));
        assertNull(EvaluationContext.empty().value(EvaluationContext.CURRENT_TIME));
        assertFalse(EvaluationContext.empty().defines(EvaluationContext.CURRENT_TIME));
        assertTrue(expression.matches(Map.of(), EvaluationContext.at(WEDNESDAY_0905_UTC, ZoneOffset.UTC)));
    }

    @Test
    void unknownTaskrouterVariablesAreMissing() {
        EvaluationContext context = EvaluationContext.at(WEDNESDAY_0905_UTC, ZoneOffset.UTC);
        assertTrue(eval("taskrouter.currentSecond == null", context));
        assertFalse(context.defines("taskrouter.currentSecond"));
    }

    @Test
    void withoutContextAnAttributeNamedLikeAVariableIsUsed() {
        Map<String, Object> attributes = Map.of("taskrouter", Map.of("currentTime", 1200));
        assertTrue(Expression.parse("taskrouter.currentTime == 1200").matches(attributes));
        // With a time in the context, the variable wins.
        EvaluationContext context = EvaluationContext.at(WEDNESDAY_0905_UTC, ZoneOffset.UTC);
        assertTrue(Expression.parse("taskrouter.currentTime == 905").matches(attributes, context));
    }

    @Test
    void skipIfVariablesComeFromTheContext() {
        Expression skipIf = Expression.parse("workers.available == 0");
        assertTrue(skipIf.matches(Map.of(), EvaluationContext.empty().withWorkerCounts(0, 4)));
        assertFalse(skipIf.matches(Map.of(), EvaluationContext.empty().withWorkerCounts(2, 4)));
        EvaluationContext counts = EvaluationContext.empty().withWorkerCounts(1, 3);
        assertTrue(eval("workers.unavailable == 3 AND workers.total == 4", counts));
        assertFalse(skipIf.matches(Map.of()), "no context: workers.available is missing");
    }

    @Test
    void activitySidCountsAreVariablesToo() {
        String sid = "WA" + "f".repeat(32);
        EvaluationContext context = EvaluationContext.empty().withVariable("workers." + sid, 2);
        assertTrue(eval("workers." + sid + " > 1", context));
    }

    @Test
    void nestedVariablesAreWalkedLikeAttributes() {
        Map<String, Object> workers = Map.of("available", 0, "byTeam", List.of(Map.of("n", 3)));
        EvaluationContext context = EvaluationContext.empty().withVariable("workers", workers);
        assertTrue(eval("workers.available == 0", context));
        assertTrue(eval("workers.byTeam[0].n == 3", context));
        assertTrue(eval("workers.byTeam[1].n == null", context));
    }

    @Test
    void longestVariableNameWins() {
        EvaluationContext context = EvaluationContext.empty()
                .withVariable("workers", Map.of("available", 1))
                .withVariable("workers.available", 7);
        assertTrue(eval("workers.available == 7", context));
    }

    @Test
    void explicitVariablesOverrideTimeVariables() {
        EvaluationContext context = EvaluationContext.at(WEDNESDAY_0905_UTC, ZoneOffset.UTC)
                .withVariable(EvaluationContext.DAY_OF_WEEK, "Sun");
        assertTrue(eval("taskrouter.dayOfWeek == 'Sun' AND taskrouter.currentTime == 905", context));
    }

    @Test
    void variablesShadowAttributesOfTheSameName() {
        Map<String, Object> attributes = Map.of("workers", Map.of("available", 5), "language", "es");
        EvaluationContext context = EvaluationContext.empty().withWorkerCounts(0, 0);
        assertTrue(Expression.parse("workers.available == 0 AND language == 'es'").matches(attributes, context));
    }

    @Test
    void variablesMayHoldNullAndAreCopied() {
        Map<String, Object> source = new HashMap<>();
        source.put("x", null);
        EvaluationContext context = new EvaluationContext(null, source);
        source.put("y", 1);
        assertTrue(context.defines("x"));
        assertFalse(context.defines("y"));
        assertTrue(eval("x == null", context));
        assertThrows(UnsupportedOperationException.class, () -> context.variables().put("z", 1));
        assertEquals(Map.of(), new EvaluationContext(null, null).variables());
        Map<String, Object> withNullKey = new HashMap<>();
        withNullKey.put(null, 1);
        assertThrows(IllegalArgumentException.class, () -> new EvaluationContext(null, withNullKey));
    }

    @Test
    void withVariableDoesNotChangeTheOriginal() {
        EvaluationContext base = EvaluationContext.empty();
        EvaluationContext more = base.withVariable("a", 1);
        assertFalse(base.defines("a"));
        assertTrue(more.defines("a"));
        assertEquals(Arrays.asList("a", "b"), List.copyOf(more.withVariables(Map.of("b", 2)).variables().keySet()));
    }

    @Test
    void nullContextIsRejected() {
        assertThrows(NullPointerException.class, () -> Expression.parse("1 == 1").matches(Map.of(), null));
    }
}
