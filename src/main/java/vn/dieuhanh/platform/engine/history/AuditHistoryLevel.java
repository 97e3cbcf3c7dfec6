package vn.dieuhanh.platform.engine.history;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.migration.instance.MigratingActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmProcessDefinition;
import org.camunda.bpm.engine.impl.pvm.PvmScope;

/**
 * The application's history level ({@code camunda.bpm.history-level: dieuhanh-audit}): Camunda's {@code full} for
 * every process, except what {@link #REDUCED} names for the high-volume ones. For those it writes no variable-update
 * details ({@code ACT_HI_DETAIL}: the historic variable instances keep each variable's final value) and no historic
 * activity instances of gateways and of the activities listed (the deadline watcher's bookkeeping steps). Everything
 * else is kept as in {@code full}: process instances, tasks, the user tasks' and business steps' activity instances,
 * variables, incidents, identity links, the user operation log, decisions, the job log, comments. docs/history.md says
 * what the audit keeps and why.
 *
 * <p>An activity instance's start, update, migration and end are decided by the same predicate (its process and its
 * activity, which do not change during the instance), so an update or end is never produced for an activity instance
 * whose start was not. At parse time Camunda asks with no entity; the answer is then yes, so that the history
 * listeners are attached and each event is decided when it happens.
 */
public final class AuditHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "dieuhanh-audit";
    /** Stored in {@code ACT_GE_PROPERTY} ({@code historyLevel}); Camunda's own are 0 to 3. */
    public static final int ID = 30;

    static final Set<String> GATEWAY_TYPES = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "complexGateway");

    /**
     * Per process definition key: the activities whose history is not kept besides the gateways. The assignment
     * lifecycle and instant assignment are the volume (issue 15: hundreds of thousands a year, the deadline watcher
     * loops once per alert); the other processes keep Camunda's full history.
     */
    public static final Map<String, Set<String>> REDUCED = Map.of(
            "assignment-lifecycle", Set.of("Timer_NextDeadlineAlert", "ServiceTask_SelectDueDeadlineAlert",
                    "ServiceTask_PlanNextDeadlineAlert"),
            "instant-assignment", Set.of());

    private final Map<String, Set<String>> reduced;

    public AuditHistoryLevel() {
        this(REDUCED);
    }

    AuditHistoryLevel(Map<String, Set<String>> reduced) {
        this.reduced = Map.copyOf(reduced);
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity == null) {
            return true;
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                && entity instanceof HistoricVariableUpdateEventEntity variable) {
            return !reduced.containsKey(variable.getProcessDefinitionKey());
        }
        if (eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE) {
            return activityKept(activity(entity));
        }
        return true;
    }

    /** The activity an activity-instance event is about, found as Camunda's event producer finds it. */
    private static PvmScope activity(Object entity) {
        if (entity instanceof ExecutionEntity execution) {
            PvmScope activity = execution.getActivity();
            if (activity == null && execution.getEventSource() instanceof PvmScope source) {
                activity = source;
            }
            return activity;
        }
        if (entity instanceof MigratingActivityInstance migrating) {
            return migrating.getTargetScope();
        }
        return null;
    }

    boolean activityKept(PvmScope activity) {
        if (activity == null) {
            return true;
        }
        PvmProcessDefinition definition = activity.getProcessDefinition();
        if (!(definition instanceof ProcessDefinitionEntity entity)) {
            return true;
        }
        Set<String> skipped = reduced.get(entity.getKey());
        if (skipped == null) {
            return true;
        }
        return !skipped.contains(activity.getId()) && !GATEWAY_TYPES.contains(activity.getProperty("type"));
    }
}
