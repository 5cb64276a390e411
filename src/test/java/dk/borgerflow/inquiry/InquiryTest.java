package dk.borgerflow.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The aggregate's guarded state changes, without engine or database. */
class InquiryTest {

    private static final Instant NINE = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-25T08:00:00Z");

    static Citizen anAbleCitizen() {
        return new Citizen(null, "Mette", null, null, false, 45, false, "da", null);
    }

    static Citizen aDigitallyExemptCitizen() {
        return new Citizen(null, "Poul", null, null, true, 68, false, "da", null);
    }

    /** Routed as routing.dmn's decision personal-service answered: {@code needsPersonalService}. */
    static Inquiry aPhoneInquiryFrom(Citizen citizen, boolean needsPersonalService) {
        Inquiry inquiry = Inquiry.receive("slagelse", Channel.PHONE, "housing-benefit", "Boligstøtte", NINE, citizen,
                "agent-slagelse", null, null, NINE);
        inquiry.route(Tier.CONTACT_CENTER, needsPersonalService, "cc-general", "cc-general", "routing", NINE);
        inquiry.setDeadline(DUE, NINE);
        return inquiry;
    }

    @Test
    void routingToSelfServiceSendsACitizenWhoNeedsAPersonToTheContactCenterInstead() {
        Inquiry inquiry = Inquiry.receive("slagelse", Channel.WEB, "moving", "Flytning", NINE,
                aDigitallyExemptCitizen(), "agent-slagelse", null, null, NINE);

        Tier entered = inquiry.route(Tier.SELF_SERVICE, true, "cc-general", null, "routing", NINE);

        assertThat(entered).isEqualTo(Tier.CONTACT_CENTER);
        assertThat(inquiry.needsPersonalService()).isTrue();
        assertThat(inquiry.candidateGroup()).isEqualTo("cc-general");
        assertThat(inquiry.history()).singleElement().extracting(HistoryEntry::reason).asString()
                .contains("personlig betjening");
    }

    @Test
    void refusesToGuideADigitallyExemptCitizenToSelfService() {
        Inquiry inquiry = aPhoneInquiryFrom(aDigitallyExemptCitizen(), true);
        assertThatThrownBy(() -> inquiry.recordTaskOutcome(Tier.CONTACT_CENTER, Outcome.SELF_SERVICE, null,
                "https://borger.dk", "agent", "prøv selv", NINE)).isInstanceOf(InquiryRuleViolation.class);
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.OPEN);
        assertThat(inquiry.handledTasks()).isZero();
    }

    @Test
    void firstContactResolutionIsDecidedByTheFirstTaskOnly() {
        Inquiry inquiry = aPhoneInquiryFrom(anAbleCitizen(), false);
        inquiry.recordTaskOutcome(Tier.CONTACT_CENTER, Outcome.CALLBACK, null, null, "agent", "ringer tilbage", NINE);
        inquiry.recordTaskOutcome(Tier.CONTACT_CENTER, Outcome.RESOLVED, null, null, "agent", "løst", NINE);
        assertThat(inquiry.resolvedAtFirstContact()).contains(false);
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.RESOLVED);
    }

    @Test
    void refusesAnOutcomeFromAnotherTier() {
        Inquiry inquiry = aPhoneInquiryFrom(anAbleCitizen(), false);
        assertThatThrownBy(() -> inquiry.recordTaskOutcome(Tier.DESK, Outcome.RESOLVED, null, null, "desk", "x", NINE))
                .isInstanceOf(InquiryRuleViolation.class).hasMessageContaining("Kontaktcenter");
    }

    @Test
    void refusesToEscalateOrChangeAClosedInquiry() {
        Inquiry inquiry = aPhoneInquiryFrom(anAbleCitizen(), false);
        inquiry.recordTaskOutcome(Tier.CONTACT_CENTER, Outcome.RESOLVED, null, null, "agent", "løst", NINE);
        inquiry.close(NINE);

        assertThatThrownBy(() -> inquiry.escalate(Tier.DESK, "desk", DUE, "frist", NINE))
                .isInstanceOf(InquiryRuleViolation.class);
        assertThatThrownBy(() -> inquiry.close(NINE)).isInstanceOf(InquiryRuleViolation.class);
        assertThat(inquiry.escalations()).isEmpty();
    }

    @Test
    void escalationMovesUpTheLadderAndIsRecorded() {
        Inquiry inquiry = aPhoneInquiryFrom(anAbleCitizen(), false);
        inquiry.escalate(Tier.DESK, "desk", DUE, "Fristen for svar er overskredet", NINE);
        assertThat(inquiry.tier()).isEqualTo(Tier.DESK);
        assertThat(inquiry.escalations()).singleElement().satisfies(e -> {
            assertThat(e.fromTier()).isEqualTo(Tier.CONTACT_CENTER);
            assertThat(e.toTier()).isEqualTo("DESK");
        });
    }

    @Test
    void theSameBreachCannotEscalateTwice() {
        Inquiry inquiry = aPhoneInquiryFrom(anAbleCitizen(), false);
        inquiry.escalate(Tier.DESK, "desk", DUE, "Fristen for svar er overskredet", NINE);
        assertThatThrownBy(() -> inquiry.escalate(Tier.SPECIALIST, "specialist-x", DUE, "igen", NINE))
                .isInstanceOf(InquiryRuleViolation.class);
        assertThat(inquiry.escalations()).hasSize(1);
    }

    @Test
    void atTheTopOfTheLadderTheInquiryEscalatesToTheTeamLead() {
        Inquiry inquiry = aPhoneInquiryFrom(anAbleCitizen(), false);
        inquiry.recordTaskOutcome(Tier.CONTACT_CENTER, Outcome.SPECIALIST, "specialist-x", null, "a", "videre", NINE);
        inquiry.setDeadline(DUE, NINE);
        assertThat(inquiry.escalate(Tier.SPECIALIST, "team-lead", DUE, "frist", NINE)).isEqualTo("TEAM_LEAD");
        assertThat(inquiry.candidateGroup()).isEqualTo("team-lead");
    }

    @Test
    void onlyAnInquiryWaitingAtSelfServiceCanBeReopened() {
        Inquiry inquiry = aPhoneInquiryFrom(anAbleCitizen(), false);
        assertThatThrownBy(() -> inquiry.reopenFromSelfService("citizen", "hjælp", NINE))
                .isInstanceOf(InquiryRuleViolation.class);
    }

    @Test
    void theGuardsReadTheStoredDecisionNotTheCitizensDetails() {
        // the same able citizen: what routing.dmn decided when routing is what counts from then on
        Inquiry decidedPersonal = aPhoneInquiryFrom(anAbleCitizen(), true);
        assertThatThrownBy(() -> decidedPersonal.recordTaskOutcome(Tier.CONTACT_CENTER, Outcome.SELF_SERVICE, null,
                "https://borger.dk", "agent", "prøv selv", NINE)).isInstanceOf(InquiryRuleViolation.class)
                .hasMessageContaining("personlig betjening");
        assertThatThrownBy(() -> decidedPersonal.guideToSelfService("https://borger.dk", "agent", "prøv selv", NINE))
                .isInstanceOf(InquiryRuleViolation.class);
        assertThat(decidedPersonal.tier()).isEqualTo(Tier.CONTACT_CENTER);
        assertThat(decidedPersonal.status()).isEqualTo(InquiryStatus.OPEN);

        Inquiry decidedSelfReliant = aPhoneInquiryFrom(aDigitallyExemptCitizen(), false);
        decidedSelfReliant.recordTaskOutcome(Tier.CONTACT_CENTER, Outcome.SELF_SERVICE, null, "https://borger.dk",
                "agent", "prøv selv", NINE);
        assertThat(decidedSelfReliant.tier()).isEqualTo(Tier.SELF_SERVICE);
    }

    @Test
    void cprNumbersNeedARealDate() {
        assertThat(Cpr.normalise("010180-1234")).contains("0101801234");
        assertThat(Cpr.normalise("290200-1234")).isPresent();
        assertThat(Cpr.normalise("310280-1234")).isEmpty();
        assertThat(Cpr.normalise("01018-1234")).isEmpty();
    }
}
