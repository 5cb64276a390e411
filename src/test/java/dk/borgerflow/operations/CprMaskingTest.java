package dk.borgerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.operations.logging.CprMasking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CprMaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "citizen 010203-1234 called       | citizen XXXXXX-XXXX called",
            "citizen 0102031234 called        | citizen XXXXXX-XXXX called",
            "cpr=311299-0001,next             | cpr=XXXXXX-XXXX,next",
            "{\"cpr\":\"2512891234\"}         | {\"cpr\":\"XXXXXX-XXXX\"}",
            "two: 0102031234 and 150575-4321  | two: XXXXXX-XXXX and XXXXXX-XXXX",
            "at line 12 in 0102031234x        | at line 12 in XXXXXX-XXXXx",
            "id 2f50bb2f-f796-409e-af63-0a0102031234 cpr 010203-1234 | id 2f50bb2f-f796-409e-af63-0a0102031234 cpr XXXXXX-XXXX"})
    void masksCprNumbersWithAndWithoutHyphen(String in, String expected) {
        assertThat(CprMasking.mask(in.trim())).isEqualTo(expected.trim());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "citizen 010203 1234 called       | citizen XXXXXX-XXXX called",
            "citizen 010203.1234 called       | citizen XXXXXX-XXXX called",
            "citizen 010203–1234 called  | citizen XXXXXX-XXXX called",
            "citizen 010203 – 1234 called| citizen XXXXXX-XXXX called",
            "citizen 010203—1234 called  | citizen XXXXXX-XXXX called",
            "citizen 010203−1234 called  | citizen XXXXXX-XXXX called",
            "citizen 010203 1234 called  | citizen XXXXXX-XXXX called",
            "cpr: 311299 - 0001.              | cpr: XXXXXX-XXXX."})
    void masksCprNumbersWrittenWithASpaceADotOrAnyDash(String in, String expected) {
        assertThat(CprMasking.mask(in.trim())).isEqualTo(expected.trim());
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource({
            // epoch seconds, millis, an impossible date, too short, too long, phone numbers
            "1763898000", "1763898000123", "3213991234", "010203-123", "01020312345", "+45 33 66 33 66",
            "2026-11-23T11:47:41Z", "process instance 4f1c2d3e-0102031234-aa", "+45 20304050", "tlf. 20 30 40 50",
            "010203 12345", "12.500.000,00 kr", "2026-12-04 14:30",
            "consultation 2f50bb2f-f796-409e-af63-0a0102031234 sent"})
    void leavesOtherNumbersReadable(String in) {
        if (in.contains("0102031234-aa")) {
            // a CPR-shaped run of digits inside an id is still masked: better too much than too little
            assertThat(CprMasking.mask(in)).doesNotContain("0102031234");
        } else {
            assertThat(CprMasking.mask(in)).isEqualTo(in);
        }
    }
}
