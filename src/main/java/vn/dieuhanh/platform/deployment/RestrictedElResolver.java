package vn.dieuhanh.platform.deployment;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The run-time half of the expression rules, around the whole resolver chain: no method is ever invoked, and a
 * property is read only from a map, a list or an array (a variable's content), never from any other object. So an
 * expression that got past the deployment check (or into the database some other way) cannot call getters or methods
 * on classes, class loaders, the runtime, the execution, engine services or beans.
 */
final class RestrictedElResolver extends ELResolver {

    private final ELResolver chain;

    RestrictedElResolver(ELResolver chain) {
        this.chain = chain;
    }

    static boolean readable(Object base) {
        return base == null || base instanceof Map || base instanceof List || base.getClass().isArray();
    }

    private static ELException denied(Refusal refusal, Object base, Object property) {
        return new ELException("Biểu thức bị chặn khi chạy (expression denied at run time): " + refusal.reason()
                + ": " + property + " [" + base.getClass().getName() + "]");
    }

    private void guard(Object base, Object property) {
        if (!readable(base)) {
            throw denied(Refusal.PROPERTY_ACCESS, base, property);
        }
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        throw denied(Refusal.METHOD_CALL, base == null ? "" : base, method);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        guard(base, property);
        return chain.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        guard(base, property);
        return chain.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        guard(base, property);
        chain.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        guard(base, property);
        return chain.isReadOnly(context, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return readable(base) ? chain.getFeatureDescriptors(context, base) : null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return readable(base) ? chain.getCommonPropertyType(context, base) : null;
    }
}
