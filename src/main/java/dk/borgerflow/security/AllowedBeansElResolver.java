package dk.borgerflow.security;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The application beans expressions may reach: only those on the list, looked up when an expression
 * is evaluated (the delegates need the engine this resolver is part of, so they cannot be collected
 * before it is built). Camunda's Spring default exposes every bean of the context instead.
 */
final class AllowedBeansElResolver extends ELResolver {

    private final ApplicationContext context;
    private final Set<String> beans;

    AllowedBeansElResolver(ApplicationContext context, Set<String> beans) {
        this.context = context;
        this.beans = Set.copyOf(beans);
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
        if (base == null && property instanceof String name && beans.contains(name) && context.containsBean(name)) {
            elContext.setPropertyResolved(true);
            return context.getBean(name);
        }
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
        return true;
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
        if (base == null && property instanceof String name && beans.contains(name)) {
            throw new ProcessEngineException("Cannot set '" + name + "': it is an application bean");
        }
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
        return Object.class;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
        return Object.class;
    }
}
