package vn.dieuhanh.platform.deployment;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/** Resolves a top-level name to a bean of the application ({@link ProjectBeans}), read-only. */
final class ProjectBeanElResolver extends ELResolver {

    private final ProjectBeans beans;

    ProjectBeanElResolver(ProjectBeans beans) {
        this.beans = beans;
    }

    private boolean resolves(Object base, Object property) {
        return base == null && property instanceof String name && beans.isProjectBean(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (resolves(base, property)) {
            context.setPropertyResolved(true);
            return beans.bean((String) property);
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (resolves(base, property)) {
            context.setPropertyResolved(true);
            return beans.bean((String) property).getClass();
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (resolves(base, property)) {
            throw new PropertyNotWritableException("Không được ghi đè bean " + property
                    + " (beans are read-only in expressions)");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (resolves(base, property)) {
            context.setPropertyResolved(true);
            return true;
        }
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? Object.class : null;
    }
}
