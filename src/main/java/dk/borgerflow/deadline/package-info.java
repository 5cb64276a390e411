/**
 * Deadlines in business time: working-time calendars per municipality and tier (opening hours,
 * public holidays, closing days, time zone), registered as Camunda's business calendar, and
 * service levels from the process owners' decision {@code service-levels}.
 * Public API: {@link dk.borgerflow.deadline.WorkingTime}, {@link dk.borgerflow.deadline.DeadlineService},
 * {@link dk.borgerflow.deadline.Deadline}; see docs/deadlines.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines",
        allowedDependencies = {"municipality", "security"})
package dk.borgerflow.deadline;
