package dk.borgerflow.deadline;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers the working-time calendar as Camunda's business calendar, so BPMN timers and user-task
 * due and follow-up dates written as durations count working time. The calendar is looked up
 * lazily: it needs the municipality catalogue, which needs the engine this plugin configures.
 */
@Component
class WorkingTimeCalendarPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<WorkingTime> workingTime;

    WorkingTimeCalendarPlugin(ObjectProvider<WorkingTime> workingTime) {
        this.workingTime = workingTime;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBusinessCalendarManager(new WorkingTimeBusinessCalendarManager(workingTime::getObject));
    }
}
