package dk.borgerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Our API remaps only the refusals we wrote; the engine's own bad-request verdict is our bug: 500, logged. */
@BorgerflowTest
@ExtendWith(OutputCaptureExtension.class)
class HonestApiErrorsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void ourOwnRuleIsA409WithItsMessageAlsoWhenTheEngineWrappedIt(CapturedOutput output) throws Exception {
        for (String path : new String[] {UnderstoodFaultsController.OUR_RULE, UnderstoodFaultsController.OUR_RULE_WRAPPED}) {
            ResponseEntity<String> refused = http.withBasicAuth("agent-slagelse", "demo").getForEntity(path, String.class);
            assertThat(refused.getStatusCode().value()).as(path).isEqualTo(409);
            assertThat(json.readTree(refused.getBody()).get("detail").asText()).isEqualTo("Henvendelsen er lukket.");
        }
        assertThat(output.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void aBadRequestVerdictOfTheEngineThatIsNoRuleOfOursIsA500WithAnErrorLine(CapturedOutput output) {
        ResponseEntity<String> failed = http.withBasicAuth("agent-slagelse", "demo")
                .getForEntity(UnderstoodFaultsController.ENGINE_BAD_REQUEST, String.class);

        assertThat(failed.getStatusCode().value()).isEqualTo(500);
        assertThat(failed.getBody()).doesNotContain("ENGINE-03037");
        assertThat(output.getAll()).containsPattern("(?m)^\\S+\\s+ERROR\\s.*Unexpected error")
                .contains("ENGINE-03037 taskId is null");
    }
}
