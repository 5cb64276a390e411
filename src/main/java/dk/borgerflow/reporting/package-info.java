/**
 * Reports for managers and committees: KPIs per municipality, channel, tier, topic and period
 * ({@code GET /api/reports/kpi}), the shared center's shifts and cost
 * ({@code GET /api/reports/shifts}), the dashboard and the evaluation (HTML and PDF). Reads a read
 * model of its own ({@code report_*} tables), fed by the inquiry and consultation modules' events
 * through Spring Modulith's event publication registry and rebuildable from the inquiry table; never
 * Camunda's tables. The floor above the cases: the cases never depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"consultation", "deadline", "documents", "inquiry", "municipality", "security"})
package dk.borgerflow.reporting;
