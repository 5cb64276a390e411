package dk.borgerflow.inquiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The process instance a delegate or listener runs in, as the engine knows it: its id, business key
 * and tenant. This, never a process variable (which a client of engine-rest can write), decides
 * which inquiry the process code changes ({@link InquiryLadder#bound}).
 */
record InquiryProcess(String processInstanceId, String businessKey, String tenantId) {

    static InquiryProcess of(DelegateExecution execution) {
        return new InquiryProcess(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                execution.getTenantId());
    }

    static InquiryProcess of(DelegateTask task) {
        return of(task.getExecution());
    }
}
