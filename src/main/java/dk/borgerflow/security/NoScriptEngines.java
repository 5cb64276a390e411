package dk.borgerflow.security;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * No script runs in this engine, in BPMN or DMN, whatever the language (JUEL as a script, JavaScript,
 * Groovy, ...): deployments with scripts are refused ({@link ModelGuard}), and this is the engine's
 * answer to a script that is already stored.
 */
final class NoScriptEngines implements ScriptEngineResolver {

    private final ScriptEngineManager empty = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
        // none is registered
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return empty;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        throw new ProcessEngineException("Scripts are switched off in Borgerflow (language '" + language + "'); see "
                + ModelGuard.GUIDE);
    }
}
