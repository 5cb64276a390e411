package dk.borgerflow.operations.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * History level {@code full}, without a copy of every value a variable ever held: Camunda writes one
 * {@code ACT_HI_DETAIL} row per variable write (an inquiry's intake alone writes two dozen, each a
 * copy of citizen data), which nothing in Borgerflow reads. Each variable's latest value stays in
 * {@code ACT_HI_VARINST}; who did what stays in the user operation log and in the inquiry's own
 * history. Fewer copies of personal data, and a third fewer history rows per inquiry
 * (docs/benchmarks.md). {@code borgerflow.history.variable-details: true} writes them again.
 */
@Component
@ConditionalOnProperty(name = "borgerflow.history.variable-details", havingValue = "false", matchIfMissing = true)
class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(0, new WithoutVariableDetails());
    }

    static final class WithoutVariableDetails extends DbHistoryEventHandler {
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
