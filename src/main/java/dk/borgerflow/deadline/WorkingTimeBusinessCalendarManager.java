package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's business calendars, in working time: timer durations ({@code timeDuration}) and
 * user-task {@code camunda:dueDate} / {@code camunda:followUpDate} durations such as {@code P2D}
 * or {@code PT4H} count in the opening hours of the current execution's tenant (municipality) and
 * tier (execution variable {@value #TIER_VARIABLE}, else the contact center). Without a tenant, or
 * with one the calendar does not know, the Danish defaults apply. Dates, cycles and durations of
 * weeks, months or years keep Camunda's standard meaning.
 */
class WorkingTimeBusinessCalendarManager implements BusinessCalendarManager {

    static final String TIER_VARIABLE = "tier";

    private final Map<String, BusinessCalendar> calendars;

    WorkingTimeBusinessCalendarManager(Supplier<WorkingTime> workingTime) {
        this.calendars = Map.of(
                DurationBusinessCalendar.NAME, new InWorkingTime(workingTime, new DurationBusinessCalendar()),
                DueDateBusinessCalendar.NAME, new InWorkingTime(workingTime, new DueDateBusinessCalendar()),
                CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    }

    @Override
    public BusinessCalendar getBusinessCalendar(String name) {
        return calendars.get(name);
    }

    /** Interprets working-time durations itself and leaves everything else to Camunda's calendar. */
    static final class InWorkingTime implements BusinessCalendar {

        private final Supplier<WorkingTime> workingTime;
        private final BusinessCalendar standard;

        InWorkingTime(Supplier<WorkingTime> workingTime, BusinessCalendar standard) {
            this.workingTime = workingTime;
            this.standard = standard;
        }

        @Override
        public Date resolveDuedate(String duedate) {
            return resolveDuedate(duedate, (Date) null);
        }

        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            Optional<WorkingDuration> duration = WorkingDuration.tryParse(duedate);
            if (duration.isEmpty()) {
                return standard.resolveDuedate(duedate, startDate);
            }
            ExecutionEntity execution = currentExecution();
            return resolve(duration.get(), startDate, execution == null ? null : execution.getTenantId(), execution);
        }

        @Override
        public Date resolveDuedate(String duedate, Task task) {
            Optional<WorkingDuration> duration = WorkingDuration.tryParse(duedate);
            if (duration.isEmpty()) {
                return standard.resolveDuedate(duedate, task);
            }
            VariableScope scope = task instanceof TaskEntity entity && entity.getExecution() != null
                    ? entity.getExecution() : currentExecution();
            String tenant = task != null && task.getTenantId() != null ? task.getTenantId()
                    : scope instanceof ExecutionEntity e ? e.getTenantId() : null;
            return resolve(duration.get(), null, tenant, scope);
        }

        private Date resolve(WorkingDuration duration, Date startDate, String tenant, VariableScope scope) {
            Instant from = (startDate != null ? startDate : ClockUtil.getCurrentTime()).toInstant();
            Tier tier = tierOf(scope);
            WorkingTime time = workingTime.get();
            WorkingCalendar calendar;
            try {
                calendar = time.calendar(tenant, tier);
            } catch (UnknownMunicipalityException e) {
                calendar = time.calendar(null, tier);
            }
            return Date.from(calendar.plus(from, duration));
        }

        private static Tier tierOf(VariableScope scope) {
            Object value = scope == null ? null : scope.getVariable(TIER_VARIABLE);
            if (value instanceof Tier tier) {
                return tier;
            }
            return value instanceof String text ? Tier.parse(text).orElse(Tier.CONTACT_CENTER) : Tier.CONTACT_CENTER;
        }

        private static ExecutionEntity currentExecution() {
            BpmnExecutionContext context = Context.getBpmnExecutionContext();
            return context == null ? null : context.getExecution();
        }
    }
}
