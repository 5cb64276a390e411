package dk.borgerflow.consultation;

import dk.borgerflow.testsupport.RoutingModel;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Named consultations and people, so tests read as the domain. */
final class ConsultationFixtures {

    static final String SLAGELSE = "slagelse";
    static final String SOCIAL_COMMITTEE = "Socialudvalget";
    static final String HEALTH_COMMITTEE = "Sundheds- og Omsorgsudvalget";
    static final String CULTURE_COMMITTEE = "Kultur- og Fritidsudvalget";
    static final String USER_COUNCIL = "Det Sociale Brugerråd";
    static final String HSU = "Hovedsamarbejdsudvalget (HSU)";

    private ConsultationFixtures() {
    }

    static CurrentUser theSecretariatOf(String municipality) {
        return new CurrentUser("secretariat-" + municipality, Set.of(Groups.SECRETARIAT), Set.of(municipality));
    }

    static CurrentUser theSecretariatOfSlagelse() {
        return theSecretariatOf(SLAGELSE);
    }

    static CurrentUser anAgentOfSlagelse() {
        return new CurrentUser("agent-slagelse", Set.copyOf(RoutingModel.ANSWER_GROUPS), Set.of(SLAGELSE));
    }

    static CurrentUser aSocialCommitteeMemberOfSlagelse() {
        return new CurrentUser("committee-social-slagelse", Set.of("committee-social"), Set.of(SLAGELSE));
    }

    /**
     * Ends every running consultation (their branches with them): the tests share one engine, and
     * other tests fire all due jobs, so no reminder or svarfrist timer may outlive its test.
     */
    static void cancelRunningConsultations(org.camunda.bpm.engine.RuntimeService runtime) {
        runtime.createProcessInstanceQuery().processDefinitionKey(ConsultationConstants.PROCESS_KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Test finished"));
        runtime.createProcessInstanceQuery().processDefinitionKey(ConsultationConstants.REPLY_PROCESS_KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Test finished"));
    }

    static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Copenhagen"));
    }

    /** Three weeks from today: room for a reminder and an earlier internal deadline. */
    static LocalDate aSvarfristInThreeWeeks() {
        return today().plusWeeks(3);
    }

    static ConsultationRequest.Consultee aCommittee(String name, String group) {
        return new ConsultationRequest.Consultee(name, ConsulteeRole.ANSWER, group, null);
    }

    static ConsultationRequest.Consultee anExternalOrganisation(String name, String email) {
        return new ConsultationRequest.Consultee(name, ConsulteeRole.ANSWER, null, email);
    }

    static ConsultationRequest.Consultee theStaffBodyForInformation() {
        return new ConsultationRequest.Consultee(HSU, ConsulteeRole.INFORM, "hsu", null);
    }

    /**
     * The walk-through of the issue: channel strategy 2027 to three committees, the user council
     * (external) and HSU (information only); Økonomiudvalget decides.
     */
    static ConsultationRequest theChannelStrategy2027Consultation() {
        return new ConsultationRequest(SLAGELSE, "Service- og kanalstrategi 2027",
                "Forslag: Borgerservice og kontaktcenter samles; telefontiden udvides, og digital selvbetjening "
                        + "suppleres med personlig hjælp for borgere, der er fritaget for Digital Post.",
                aSvarfristInThreeWeeks(), "committee-finance", List.of(
                        aCommittee(SOCIAL_COMMITTEE, "committee-social"),
                        aCommittee(HEALTH_COMMITTEE, "committee-health"),
                        aCommittee(CULTURE_COMMITTEE, "committee-culture"),
                        anExternalOrganisation(USER_COUNCIL, "brugerraadet@example.dk"),
                        theStaffBodyForInformation()));
    }

    /** Smaller: the social committee and the user council answer, HSU is informed. */
    static ConsultationRequest aConsultationOfTheSocialCommitteeAndTheUserCouncil() {
        return new ConsultationRequest(SLAGELSE, "Kanalstrategi for socialområdet",
                "Forslag om nye åbningstider <b>og</b> færre fysiske ekspeditioner & mere telefonbetjening.",
                aSvarfristInThreeWeeks(), null, List.of(
                        aCommittee(SOCIAL_COMMITTEE, "committee-social"),
                        anExternalOrganisation(USER_COUNCIL, "brugerraadet@example.dk"),
                        theStaffBodyForInformation()));
    }

    /** Only the social committee answers; it may forward to the user council. */
    static ConsultationRequest aConsultationOfTheSocialCommittee() {
        return new ConsultationRequest(SLAGELSE, "Åbningstider i Borgerservice", "Forslag om nye åbningstider.",
                aSvarfristInThreeWeeks(), null, List.of(aCommittee(SOCIAL_COMMITTEE, "committee-social")));
    }
}
