package dk.borgerflow.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The process instance a delegate or listener of the consultation models runs in, as the engine
 * knows it: its own id and tenant, the instance that called it (a reply branch's caller: the
 * consultation, or the consultee's branch that forwarded), and the root consultation instance with
 * its business key. This, never a process variable, decides which consultation or consultee the
 * process code changes ({@link ConsultationSteps}).
 */
record ConsultationProcess(String processInstanceId, String tenantId, String callerProcessInstanceId,
        String rootProcessInstanceId, String rootBusinessKey) {

    static ConsultationProcess of(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        DelegateExecution caller = instance.getSuperExecution();
        DelegateExecution root = instance;
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        return new ConsultationProcess(instance.getId(), execution.getTenantId(),
                caller == null ? null : caller.getProcessInstanceId(), root.getId(), root.getProcessBusinessKey());
    }

    static ConsultationProcess of(DelegateTask task) {
        return of(task.getExecution());
    }

    boolean isRoot() {
        return callerProcessInstanceId == null;
    }
}
