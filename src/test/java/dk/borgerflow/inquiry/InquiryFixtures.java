package dk.borgerflow.inquiry;

import dk.borgerflow.testsupport.RoutingModel;
import dk.borgerflow.security.CurrentUser;
import java.util.HashSet;
import java.util.Set;

/** Named inquiries and citizens, so tests read as the domain. */
final class InquiryFixtures {

    private InquiryFixtures() {
    }

    static CurrentUser anAgentOf(String municipality) {
        Set<String> groups = new HashSet<>(RoutingModel.ANSWER_GROUPS);
        return new CurrentUser("agent-" + municipality, groups, Set.of(municipality));
    }

    static CurrentUser anAgentOfSlagelse() {
        return anAgentOf("slagelse");
    }

    static InquiryRequest.CitizenRequest anOrdinaryCitizen() {
        return new InquiryRequest.CitizenRequest("0101801234", "Mette Jensen", "+45 20304050", "mette@example.dk",
                false, 45, false, "da", null);
    }

    static InquiryRequest.CitizenRequest aDigitallyExemptCitizen() {
        return new InquiryRequest.CitizenRequest(null, "Poul Nielsen", "+45 58575655", null, true, 68, false, "da",
                null);
    }

    static InquiryRequest.CitizenRequest aCitizenOf80() {
        return new InquiryRequest.CitizenRequest(null, "Karen Hansen", "+45 12345678", null, false, 80, false, "da",
                null);
    }

    static InquiryRequest aPhoneCallAboutHousingBenefit() {
        return new InquiryRequest("slagelse", Channel.PHONE, "housing-benefit", "Spørger til boligstøtte efter flytning",
                null, anOrdinaryCitizen());
    }

    static InquiryRequest aWebInquiryAboutMoving() {
        return new InquiryRequest("slagelse", Channel.WEB, "moving", "Hvordan melder jeg flytning?", null,
                anOrdinaryCitizen());
    }

    static InquiryRequest aWebInquiryAboutMovingFrom(InquiryRequest.CitizenRequest citizen) {
        return new InquiryRequest("slagelse", Channel.WEB, "moving", "Hvordan melder jeg flytning?", null, citizen);
    }

    static InquiryRequest aWalkInAboutPassport() {
        return new InquiryRequest("slagelse", Channel.DESK, "passport", "Skal have nyt pas", null, anOrdinaryCitizen());
    }

    static InquiryRequest aLetterApplyingForDisabilityAid() {
        return new InquiryRequest("slagelse", Channel.LETTER, "disability-aid", "Ansøger om rollator", null,
                aCitizenOf80());
    }

    static InquiryRequest aPhoneCallAboutElderlyCare() {
        return new InquiryRequest("slagelse", Channel.PHONE, "elderly-care", "Spørger om hjemmehjælp til sin mor",
                null, anOrdinaryCitizen());
    }
}
