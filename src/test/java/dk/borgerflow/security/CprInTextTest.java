package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class CprInTextTest {

    /** Every way the two parts of a CPR number are written apart (or together). */
    static final String[] SEPARATORS = {"", "-", " ", ".", "\u2013", "\u2014", "\u2010", "\u2011", "\u2212",
            "\u00A0", " - ", " \u2013 ", ". ", "\u00AD", "\uFF0D"};

    @Property
    void findsEveryValidCprNumberWithEverySeparatorAnywhereInText(@ForAll("cprNumbers") String cpr,
            @ForAll("textAround") String before, @ForAll("textAround") String after) {
        assertThat(CprInText.containsCpr(before + cpr + after)).as(before + cpr + after).isTrue();
    }

    @Property
    void masksEveryValidCprNumberWithEverySeparatorCompletely(@ForAll("cprNumbers") String cpr,
            @ForAll("textAround") String before, @ForAll("textAround") String after) {
        assertThat(CprInText.replaceCpr(before + cpr + after, "X")).isEqualTo(before + "X" + after);
    }

    @Property
    void findsNoCprInAnImpossibleDate(@ForAll @IntRange(min = 0, max = 99) int day,
            @ForAll @IntRange(min = 0, max = 99) int month, @ForAll @IntRange(min = 0, max = 99) int year,
            @ForAll @IntRange(min = 0, max = 9999) int serial) {
        String text = "%02d%02d%02d-%04d".formatted(day, month, year, serial);
        boolean possible = day >= 1 && day <= 31 && month >= 1 && month <= 12;
        assertThat(CprInText.containsCpr(text)).as(text).isEqualTo(possible);
    }

    @Property
    void findsNoCprInUuids(@ForAll("uuids") String uuid, @ForAll("nonHexTextAround") String before) {
        assertThat(CprInText.containsCpr(before + uuid + " " + before)).as(uuid).isFalse();
        assertThat(CprInText.replaceCpr(before + uuid, "X")).isEqualTo(before + uuid);
    }

    @Property
    void findsNoCprInPhoneNumbers(@ForAll("phoneNumbers") String phone) {
        assertThat(CprInText.containsCpr("ring til " + phone + " efter kl. 10")).as(phone).isFalse();
    }

    @Property
    void findsNoCprInDatesAndTimes(@ForAll("dates") LocalDate date, @ForAll @IntRange(max = 23) int hour) {
        String text = "møde %s kl. %02d:15, dvs. %s, tidsstempel %sT%02d:15:00Z".formatted(date, hour,
                date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")), date, hour);
        assertThat(CprInText.containsCpr(text)).as(text).isFalse();
    }

    @Property
    void findsNoCprInAmounts(@ForAll @IntRange(min = 0, max = 999_999_999) int kroner,
            @ForAll @IntRange(max = 99) int oere) {
        String dotted = String.format(java.util.Locale.GERMANY, "%,d,%02d kr.", kroner, oere);
        String plain = "%d,%02d kr. eller %d.%02d DKK".formatted(kroner, oere, kroner, oere);
        assertThat(CprInText.containsCpr(dotted + " / " + plain)).as(dotted + " / " + plain).isFalse();
    }

    @Property
    void findsNoCprInsideLongerRunsOfDigits(@ForAll @StringLength(min = 11, max = 40) @net.jqwik.api.constraints.NumericChars String digits) {
        assertThat(CprInText.containsCpr("konto " + digits + " ok")).as(digits).isFalse();
    }

    @Example
    void findsTheExamplesOfTheBrief() {
        assertThat(CprInText.containsCpr("Borger 010203-1234 ringede")).isTrue();
        assertThat(CprInText.containsCpr("cpr 0102031234")).isTrue();
        assertThat(CprInText.containsCpr("010203 1234")).isTrue();
        assertThat(CprInText.containsCpr("010203.1234")).isTrue();
        assertThat(CprInText.containsCpr("010203\u20131234")).isTrue();
        assertThat(CprInText.containsCpr("{\"cpr\":\"2512891234\"}")).isTrue();
    }

    @Example
    void findsNoCprInOrdinaryCaseText() {
        assertThat(CprInText.containsCpr("Spørger til boligstøtte efter flytning, tlf. +45 20304050")).isFalse();
        assertThat(CprInText.containsCpr("Frist 2026-12-04, beløb 12.500,00 kr., sag 2f50bb2f-f796-409e-af63-0a0102031234"))
                .isFalse();
        assertThat(CprInText.containsCpr("epoch 1763898000123 and 01020312345")).isFalse();
        assertThat(CprInText.containsCpr(null)).isFalse();
        assertThat(CprInText.containsCpr("")).isFalse();
    }

    @Example
    void findsACprNumberNextToAUuid() {
        assertThat(CprInText.containsCpr("sag 2f50bb2f-f796-409e-af63-0a0102031234, borger 150575 4321")).isTrue();
    }

    @Example
    void theMessageSaysWhereTheCprBelongs() {
        assertThat(CprInText.WHERE_IT_BELONGS).contains("CPR-nummer").contains("citizen.cpr").contains("CPR-opslag");
    }

    @Provide
    Arbitrary<String> cprNumbers() {
        return Combinators.combine(Arbitraries.integers().between(1, 31), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 9999),
                Arbitraries.of(SEPARATORS))
                .as((d, m, y, s, sep) -> "%02d%02d%02d%s%04d".formatted(d, m, y, sep, s));
    }

    /** Text that neither ends nor starts with a digit (which would make the number longer). */
    @Provide
    Arbitrary<String> textAround() {
        return Arbitraries.strings().withChars("abcæøåXYZ ,;:()\"'\n/_").ofMaxLength(12);
    }

    /** Text around a UUID: a hex letter or a dash next to it would make it part of a longer id. */
    @Provide
    Arbitrary<String> nonHexTextAround() {
        return Arbitraries.strings().withChars("æøåXYZ ,;:()\"'\n/_").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> uuids() {
        Arbitrary<String> random = Arbitraries.create(UUID::randomUUID).map(UUID::toString);
        // the last group ending in ten CPR-shaped digits, lower or upper case
        Arbitrary<String> cprShaped = Combinators.combine(Arbitraries.create(UUID::randomUUID),
                Arbitraries.strings().withChars("abcdef").ofLength(2), cprNumbers().filter(c -> c.matches("\\d{10}")),
                Arbitraries.of(true, false))
                .as((uuid, hex, cpr, upper) -> {
                    String id = uuid.toString().substring(0, 24) + hex + cpr;
                    return upper ? id.toUpperCase() : id;
                });
        return Arbitraries.oneOf(random, cprShaped);
    }

    @Provide
    Arbitrary<String> phoneNumbers() {
        Arbitrary<String> eight = Arbitraries.strings().numeric().ofLength(8);
        return Arbitraries.oneOf(
                eight.map(n -> "+45 " + n),
                eight.map(n -> "+45" + n),
                eight.map(n -> "0045 " + n),
                eight.map(n -> n.substring(0, 2) + " " + n.substring(2, 4) + " " + n.substring(4, 6) + " " + n.substring(6)),
                eight.map(n -> "+45 " + n.substring(0, 4) + " " + n.substring(4)),
                Arbitraries.strings().numeric().ofLength(9).map(n -> "+46 " + n),
                Arbitraries.strings().numeric().ofLength(9).map(n -> "+46" + n));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 200).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
    }
}
