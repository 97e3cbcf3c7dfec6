package vn.dieuhanh.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decision tables analysts deploy, evaluated in memory for views that evaluate them many times per request (KPI
 * scores, indicator statuses): the engine's {@code DecisionService} would write a row of decision history per
 * evaluation, which explains nothing there. The latest deployed version is looked up at every {@link #latest} (so an
 * analyst's edit counts from the next request), read as the system (callers decide who may see results), and parsed
 * once per version.
 * <p>
 * Results are remembered ({@link #remembered}): one bounded cache for every decision, keyed by the deployed decision
 * definition (id, so key and version) and the inputs. Camunda's FEEL engine parses every input expression, unary test
 * and literal expression at every evaluation (milliseconds each; 20 distinct indicator statuses took 2.9 s under load,
 * docs/performance.md), while the inputs of a view repeat between requests (a city table's statuses, the criterion
 * scores of a ranking). The least recently used entries go when {@link #DEFAULT_CAPACITY} is reached; when
 * {@link #latest} finds that a new version of a decision was deployed, the older versions' entries and parsed models
 * are dropped.
 */
@Component
public class DeployedDecisions {

    /** Remembered results at most (a few hundred bytes each). */
    public static final int DEFAULT_CAPACITY = 50_000;

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final RepositoryService repository;
    private final IdentityService identity;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    /** Parsed decision (by identity) -> its deployed definition, for the cache key. */
    private final Map<DmnDecision, Definition> definitions = new java.util.IdentityHashMap<>();
    /** Decision key -> the definition id {@link #latest} found last. */
    private final Map<String, String> latestIds = new ConcurrentHashMap<>();
    private final int capacity;
    private final LinkedHashMap<Remembered, Object> results;
    private final AtomicLong evaluations = new AtomicLong();

    private record Definition(String key, String id) {
    }

    private record Remembered(String definitionId, Object inputs) {
    }

    @Autowired
    public DeployedDecisions(RepositoryService repository, IdentityService identity) {
        this(repository, identity, DEFAULT_CAPACITY);
    }

    /** With a capacity of its own (tests of the bound). */
    public DeployedDecisions(RepositoryService repository, IdentityService identity, int capacity) {
        this.repository = repository;
        this.identity = identity;
        this.capacity = capacity;
        this.results = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Remembered, Object> eldest) {
                return size() > DeployedDecisions.this.capacity;
            }
        };
    }

    /**
     * The result of {@code evaluation} for these inputs of a decision returned by {@link #latest}, evaluated once per
     * deployed version and distinct inputs (while remembered). {@code inputs} must be a value (equals and hashCode
     * over everything the evaluation reads, immutable). A decision not from {@link #latest} (parsed from a file) is
     * evaluated every time.
     */
    @SuppressWarnings("unchecked")
    public <T> T remembered(DmnDecision decision, Object inputs, Supplier<T> evaluation) {
        Definition definition;
        synchronized (results) {
            definition = definitions.get(decision);
        }
        if (definition == null) {
            evaluations.incrementAndGet();
            return evaluation.get();
        }
        Remembered key = new Remembered(definition.id(), inputs);
        synchronized (results) {
            Object known = results.get(key);
            if (known != null) {
                return (T) known;
            }
        }
        T value = evaluation.get(); // outside the lock: evaluations of other inputs go on meanwhile
        evaluations.incrementAndGet();
        if (value != null) {
            synchronized (results) {
                if (Objects.equals(latestIds.get(definition.key()), definition.id())) { // not dropped meanwhile
                    results.put(key, value);
                }
            }
        }
        return value;
    }

    /** Evaluations run by {@link #remembered} so far (tests: a remembered result is not one). */
    public long evaluations() {
        return evaluations.get();
    }

    /** Results remembered now. */
    public int rememberedCount() {
        synchronized (results) {
            return results.size();
        }
    }

    /** The latest deployed version of the decision {@code key}. */
    public DmnDecision latest(String key) {
        return EngineAsSystem.call(identity, () -> {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("The decision table " + key + " is not deployed");
            }
            String previous = latestIds.put(key, definition.getId());
            if (previous != null && !previous.equals(definition.getId())) {
                forgetOlderVersions(key, definition.getId());
            }
            DmnDecision decision = parsed.computeIfAbsent(definition.getId(), id -> {
                try (InputStream model = repository.getDecisionModel(id)) {
                    return parse(key, model);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            synchronized (results) {
                definitions.putIfAbsent(decision, new Definition(key, definition.getId()));
            }
            return decision;
        });
    }

    /** A new version of {@code key} is deployed: the results and parsed models of the others go. */
    private void forgetOlderVersions(String key, String currentId) {
        synchronized (results) {
            Iterator<Map.Entry<DmnDecision, Definition>> known = definitions.entrySet().iterator();
            while (known.hasNext()) {
                Definition d = known.next().getValue();
                if (d.key().equals(key) && !d.id().equals(currentId)) {
                    known.remove();
                    parsed.remove(d.id());
                    results.keySet().removeIf(r -> r.definitionId().equals(d.id()));
                }
            }
        }
    }

    /** A decision read from a stream (tests of a shipped file). */
    public static DmnDecision parse(String key, InputStream model) {
        return DMN.parseDecision(key, model);
    }

    /**
     * The value of a decision with a single result (a literal expression, e.g. a FEEL formula), or null.
     */
    public static Object value(DmnDecision decision, Map<String, Object> inputs) {
        return DMN.evaluateDecision(decision, inputs).getSingleEntry();
    }

    /**
     * The first matching rule's outputs.
     *
     * @param missing what to say (in the officials' language too) when no rule matches: the table is incomplete
     */
    public static DmnDecisionRuleResult firstRule(DmnDecision decision, Map<String, Object> inputs, String missing) {
        DmnDecisionRuleResult result = DMN.evaluateDecisionTable(decision, inputs).getFirstResult();
        if (result == null) {
            throw new IllegalStateException("The decision table " + decision.getKey() + " has no rule for " + inputs
                    + " (" + missing + ")");
        }
        return result;
    }
}
