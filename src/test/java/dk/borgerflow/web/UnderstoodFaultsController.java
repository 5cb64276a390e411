package dk.borgerflow.web;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test profile only: what reaches our API's error handling when the engine refuses, ours or not. */
@RestController
@Profile("test")
class UnderstoodFaultsController {

    static final String ENGINE_BAD_REQUEST = "/api/test-faults/engine-bad-request";
    static final String OUR_RULE = "/api/test-faults/our-rule";
    static final String OUR_RULE_WRAPPED = "/api/test-faults/our-rule-wrapped";

    /** The engine's verdict on something we passed it (e.g. a null id): our bug, not the caller's. */
    @GetMapping(ENGINE_BAD_REQUEST)
    String engineBadRequest() {
        throw new BadUserRequestException("ENGINE-03037 taskId is null");
    }

    @GetMapping(OUR_RULE)
    String ourRule() {
        throw new dk.borgerflow.inquiry.InquiryRuleViolation("Henvendelsen er lukket.");
    }

    /** Our rule, thrown by a listener and wrapped by the engine on its way out. */
    @GetMapping(OUR_RULE_WRAPPED)
    String ourRuleWrapped() {
        throw new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 listener failed",
                new dk.borgerflow.inquiry.InquiryRuleViolation("Henvendelsen er lukket."));
    }
}
