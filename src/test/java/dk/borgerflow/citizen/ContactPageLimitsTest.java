package dk.borgerflow.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.inquiry.InquiryService;
import java.time.Duration;
import dk.borgerflow.security.AnswerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** The flood guards: per client (the gate) and per municipality and hour (the service). */
@BorgerflowTest
class ContactPageLimitsTest {

    @Autowired
    InquiryService inquiries;
    @Autowired
    ContactRequestRepository requests;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ContactPages pages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnswerGroups answerGroups;

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndOthersGoOn() throws Exception {
        ContactPageGate gate = new ContactPageGate(pages, limits(3, 60));
        for (int i = 0; i < 3; i++) {
            assertThat(call(gate, "203.0.113.7").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(gate, "203.0.113.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentAsString()).contains("Vent");
        assertThat(call(gate, "203.0.113.8").getStatus()).isEqualTo(200);
    }

    @Test
    void aFloodOfHelpRequestsForOneMunicipalityIsAskedToTryLaterAndCreatesNoMoreInquiries() {
        ContactService capped = new ContactService(inquiries, requests, limits(1000, 2), transaction,
                answerGroups);
        ContactForm.Checked form = new ContactForm.Checked("egedal", "waste", "Hvornår er der storskrald?", null,
                "+45 11223344", null, false, false, null, null);
        int before = jdbc.queryForObject("select count(*) from inquiry where municipality = 'egedal'", Integer.class);
        capped.ask(form, Reference.generate(), "da");
        capped.ask(form, Reference.generate(), "da");
        assertThatThrownBy(() -> capped.ask(form, Reference.generate(), "da")).isInstanceOf(ContactService.Busy.class);
        assertThat(jdbc.queryForObject("select count(*) from inquiry where municipality = 'egedal'", Integer.class))
                .isEqualTo(before + 2);
        // another municipality is not affected
        capped.ask(new ContactForm.Checked("furesoe", "waste", "Storskrald?", null, "+45 11223344", null, false, false,
                null, null), Reference.generate(), "da");
    }

    private static ContactPageProperties limits(int perMinute, int perHour) {
        return new ContactPageProperties(perMinute, 100, DataSize.ofKilobytes(16), perHour, Duration.ofMinutes(15));
    }

    private static MockHttpServletResponse call(ContactPageGate gate, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/kontakt");
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
