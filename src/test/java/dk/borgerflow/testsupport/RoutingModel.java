package dk.borgerflow.testsupport;

import dk.borgerflow.security.AnswerGroups;
import java.io.File;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;

/** What processes/routing.dmn, the model the application deploys, says (for fixtures). */
public final class RoutingModel {

    /** The contact center's answer groups: the outputs of routing-answer-group. */
    public static final List<String> ANSWER_GROUPS =
            AnswerGroups.in(Dmn.readModelFromFile(new File("processes/routing.dmn")));

    private RoutingModel() {
    }
}
