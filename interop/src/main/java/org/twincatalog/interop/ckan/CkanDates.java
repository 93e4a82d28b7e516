package org.twincatalog.interop.ckan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Solr's date syntax as CKAN's harvesters send it in ranges: an ISO instant in UTC
 * ({@code 2020-01-01T00:00:00Z}, fractions allowed) or {@code NOW}, followed by date math
 * ({@code /DAY}, {@code -1DAY}, {@code +6HOURS}).
 */
final class CkanDates {
    private static final Pattern MATH = Pattern.compile("([/+-])(\\d{0,9})([A-Za-z]+)");
    private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
            Map.entry("YEAR", ChronoUnit.YEARS),
            Map.entry("MONTH", ChronoUnit.MONTHS),
            Map.entry("DAY", ChronoUnit.DAYS),
            Map.entry("DATE", ChronoUnit.DAYS),
            Map.entry("HOUR", ChronoUnit.HOURS),
            Map.entry("MINUTE", ChronoUnit.MINUTES),
            Map.entry("SECOND", ChronoUnit.SECONDS),
            Map.entry("MILLI", ChronoUnit.MILLIS),
            Map.entry("MILLISECOND", ChronoUnit.MILLIS));

    private CkanDates() {}

    /** The instant {@code value} names; anything else is CKAN's Search Error (Solr's "Invalid Date String"). */
    static Instant parse(String value, Instant now) {
        try {
            int split = value.startsWith("NOW") ? 3 : value.indexOf('Z') + 1;
            if (split <= 0) {
                throw new DateTimeException("no 'Z'");
            }
            ZonedDateTime time = split == 3
                    ? now.atZone(ZoneOffset.UTC)
                    : Instant.parse(value.substring(0, split)).atZone(ZoneOffset.UTC);
            String math = value.substring(split);
            Matcher m = MATH.matcher(math);
            int end = 0;
            while (m.lookingAt()) {
                time = apply(time, m.group(1), m.group(2), m.group(3));
                end = m.end();
                m.region(end, math.length());
            }
            if (end != math.length()) {
                throw new DateTimeException("bad date math");
            }
            return time.toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw CkanError.search("Invalid Date String:'" + value + "'");
        }
    }

    /** A package's {@code metadata_modified}/{@code metadata_created}: CKAN's naive UTC. */
    static Instant ofPackage(String value) {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }

    private static ZonedDateTime apply(ZonedDateTime time, String op, String amount, String unitName) {
        String name = unitName.toUpperCase(Locale.ROOT);
        ChronoUnit unit = UNITS.get(name.endsWith("S") ? name.substring(0, name.length() - 1) : name);
        if (unit == null) {
            throw new DateTimeException("unknown unit");
        }
        if (op.equals("/")) {
            if (!amount.isEmpty()) {
                throw new DateTimeException("rounding takes no amount");
            }
            return switch (unit) {
                case YEARS -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
                case MONTHS -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
                default -> time.truncatedTo(unit);
            };
        }
        if (amount.isEmpty()) {
            throw new DateTimeException("no amount");
        }
        long n = Long.parseLong(amount);
        return op.equals("+") ? time.plus(n, unit) : time.minus(n, unit);
    }
}
