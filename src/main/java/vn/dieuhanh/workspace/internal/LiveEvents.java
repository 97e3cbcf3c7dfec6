package vn.dieuhanh.workspace.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dieuhanh.notification.Inbox;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.web.LiveStreams;

/**
 * Live updates (Server-Sent Events at {@code /su-kien}) for the officials connected to this node.
 *
 * <p>Nodes share only the database, so each node polls it, once per tick (1 s) for all officials connected to it:
 * one query for inbox messages above a watermark ({@code ntf_inbox_item}'s ids) and one for user tasks created since
 * the last tick ({@link LiveEventsRepository}); only officials concerned by a new row then cost a count query. With
 * nobody connected a node asks nothing. Events: {@code unread} (unread inbox count) and {@code work} (number of tasks
 * waiting for me or my unit), sent when they change (tasks created or ended since the last tick); {@code item} (an
 * assignment id) to the streams of item pages watching that assignment when its trail or conversation grows.
 *
 * <p>Bounds, heartbeat and the ticker thread: {@link LiveStreams} ({@code dieuhanh.live-events.*}); the ticker borrows
 * a pooled connection per query.
 */
@Component
class LiveEvents implements InitializingBean, DisposableBean {

    static final int BATCH = 1000;
    /** Ids below the watermark read again (a row committed late by another node), deduplicated by the seen set. */
    static final long ID_LOOKBACK = 200;
    static final Duration TASK_LOOKBACK = Duration.ofSeconds(10);

    static final class Connection extends LiveStreams.Stream {
        final List<String> groups;
        volatile long lastUnread = -1;
        volatile long lastWork = -1;
        /** The assignment whose item page opened this stream (event {@code item}), or null. */
        volatile String item;

        Connection(String userId, List<String> groups, SseEmitter emitter) {
            super(userId, emitter);
            this.groups = groups;
        }

        /** Sends an event unless its value is the one sent last; false when the client is gone. */
        synchronized boolean send(String event, long value) {
            if (("unread".equals(event) ? lastUnread : lastWork) == value) {
                return true;
            }
            if (!send(SseEmitter.event().name(event).data(Long.toString(value)))) {
                return false;
            }
            if ("unread".equals(event)) {
                lastUnread = value;
            } else {
                lastWork = value;
            }
            return true;
        }

        /** Tells the item page that its assignment changed; false when the client is gone. */
        boolean sendItem(String assignmentId) {
            return send(SseEmitter.event().name("item").data(assignmentId));
        }
    }

    private final Inbox inbox;
    private final TaskService taskService;
    private final LiveEventsRepository repository;
    private final Clock clock;
    private final LiveStreams<Connection> streams;

    // ticker state (ticker thread only)
    private long inboxWatermark = -1;
    private final Set<Long> seenMessages = new HashSet<>();
    private Instant taskWatermark;
    private final Map<String, Instant> seenTasks = new LinkedHashMap<>();
    private Instant endWatermark;
    private final Map<String, Instant> seenEnded = new LinkedHashMap<>();
    private final IdFeed trailFeed;
    private final IdFeed messageFeed;

    LiveEvents(Inbox inbox, TaskService taskService, LiveEventsRepository repository, Clock clock,
               @Value("${dieuhanh.live-events.max-per-user:4}") int maxPerUser,
               @Value("${dieuhanh.live-events.max-connections:5000}") int maxConnections,
               @Value("${dieuhanh.live-events.timeout:30m}") Duration timeout,
               @Value("${dieuhanh.live-events.tick:1s}") Duration tick) {
        this.inbox = inbox;
        this.taskService = taskService;
        this.repository = repository;
        this.clock = clock;
        this.streams = new LiveStreams<>("live-events", maxPerUser, maxConnections, timeout, tick, this::tick,
                this::forget);
        this.trailFeed = new IdFeed(repository::latestTrailId, repository::trailAfter);
        this.messageFeed = new IdFeed(repository::latestMessageId, repository::messagesAfter);
    }

    @Override
    public void afterPropertiesSet() {
        streams.start();
    }

    @Override
    public void destroy() {
        streams.stop();
    }

    /** Opens a stream for the signed-in official, with his current counts as the first events. */
    SseEmitter open(CurrentOfficial me, long workCount) {
        return open(me, workCount, null);
    }

    /**
     * The same, for the item page of {@code item} (an assignment the caller was checked to see, or null): the stream
     * also says when that assignment changes (event {@code item}).
     */
    SseEmitter open(CurrentOfficial me, long workCount, String item) {
        SseEmitter emitter = streams.newEmitter();
        Connection connection = new Connection(me.userId(), me.groupIds(), emitter);
        connection.item = item;
        streams.add(connection);
        if (!connection.send(SseEmitter.event().reconnectTime(5000).comment("Điều Hành"))) {
            return emitter;
        }
        connection.send("unread", inbox.unreadCount(me.userId()));
        connection.send("work", workCount);
        return emitter;
    }

    int connectionCount() {
        return streams.count();
    }

    /** Nobody connected: start again from the newest rows when somebody connects. */
    private void forget() {
        inboxWatermark = -1;
        taskWatermark = null;
        endWatermark = null;
        trailFeed.reset();
        messageFeed.reset();
    }

    void tick() {
        newMessages();
        newTasks();
        endedTasks();
        changedItems();
    }

    private void newMessages() {
        if (inboxWatermark < 0) {
            inboxWatermark = inbox.watermark();
            return;
        }
        Set<String> recipients = new HashSet<>();
        long highest = inboxWatermark;
        for (Inbox.Arrival arrival : inbox.arrivalsAfter(Math.max(0, inboxWatermark - ID_LOOKBACK), BATCH)) {
            highest = Math.max(highest, arrival.id());
            if (seenMessages.add(arrival.id()) && streams.isConnected(arrival.recipient())) {
                recipients.add(arrival.recipient());
            }
        }
        inboxWatermark = highest;
        long floor = inboxWatermark - ID_LOOKBACK;
        seenMessages.removeIf(id -> id <= floor);
        if (recipients.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = inbox.unreadCounts(recipients);
        for (String recipient : recipients) {
            long count = counts.getOrDefault(recipient, 0);
            for (Connection connection : streams.of(recipient)) {
                connection.send("unread", count);
            }
        }
    }

    private void newTasks() {
        Instant now = clock.instant();
        if (taskWatermark == null) {
            Instant latest = repository.latestTaskCreation();
            taskWatermark = latest == null || latest.isAfter(now) ? now : latest;
            return;
        }
        Instant from = (taskWatermark.isAfter(now) ? now : taskWatermark).minus(TASK_LOOKBACK);
        Map<Connection, Boolean> concerned = new LinkedHashMap<>();
        for (LiveEventsRepository.NewTask task : repository.tasksCreatedAfter(from, BATCH)) {
            if (task.createdAt().isAfter(taskWatermark)) {
                taskWatermark = task.createdAt();
            }
            String key = task.taskId() + "|" + task.candidateUser() + "|" + task.candidateGroup();
            if (seenTasks.putIfAbsent(key, task.createdAt()) != null) {
                continue;
            }
            streams.forEach(connection -> {
                if (connection.userId().equals(task.assignee()) || connection.userId().equals(task.candidateUser())
                        || (task.assignee() == null && task.candidateGroup() != null
                        && connection.groups.contains(task.candidateGroup()))) {
                    concerned.put(connection, Boolean.TRUE);
                }
            });
        }
        Instant forget = from.minus(TASK_LOOKBACK);
        seenTasks.values().removeIf(created -> created.isBefore(forget));
        Map<String, Long> counts = new HashMap<>();
        for (Connection connection : concerned.keySet()) {
            long count = counts.computeIfAbsent(connection.userId(),
                    user -> MyWork.waitingFor(taskService, user, connection.groups).count());
            connection.send("work", count);
        }
    }

    /**
     * Work done (a task completed or deleted) lowers the count of Việc của tôi: user tasks ended since the last tick
     * (the history's end time, indexed by the engine), with their candidates, recount the officials they concerned.
     */
    private void endedTasks() {
        Instant now = clock.instant();
        if (endWatermark == null) {
            endWatermark = now;
            return;
        }
        Instant from = (endWatermark.isAfter(now) ? now : endWatermark).minus(TASK_LOOKBACK);
        Set<Connection> concerned = new java.util.LinkedHashSet<>();
        for (LiveEventsRepository.EndedTask task : repository.tasksEndedAfter(from, BATCH)) {
            if (task.endedAt().isAfter(endWatermark)) {
                endWatermark = task.endedAt();
            }
            String key = task.taskId() + "|" + task.candidateUser() + "|" + task.candidateGroup();
            if (seenEnded.putIfAbsent(key, task.endedAt()) != null) {
                continue;
            }
            streams.forEach(connection -> {
                if (connection.userId().equals(task.assignee()) || connection.userId().equals(task.candidateUser())
                        || (task.candidateGroup() != null && connection.groups.contains(task.candidateGroup()))) {
                    concerned.add(connection);
                }
            });
        }
        Instant forget = from.minus(TASK_LOOKBACK);
        seenEnded.values().removeIf(ended -> ended.isBefore(forget));
        Map<String, Long> counts = new HashMap<>();
        for (Connection connection : concerned) {
            long count = counts.computeIfAbsent(connection.userId(),
                    user -> MyWork.waitingFor(taskService, user, connection.groups).count());
            connection.send("work", count);
        }
    }

    /**
     * Open item pages follow their assignment: a new trail entry (delegation, report, review, extension request or
     * decision, nudge...) or a new message of its conversation sends {@code item} to the streams watching it. The
     * stream was opened only after checking that its official may see that assignment.
     */
    private void changedItems() {
        Map<String, List<Connection>> watched = new HashMap<>();
        streams.forEach(connection -> {
            String item = connection.item;
            if (item != null) {
                watched.computeIfAbsent(item, id -> new ArrayList<>()).add(connection);
            }
        });
        Map<String, Set<String>> changed = new HashMap<>();
        trailFeed.next(changed);
        messageFeed.next(changed);
        changed.forEach((assignmentId, actors) -> {
            for (Connection connection : watched.getOrDefault(assignmentId, List.of())) {
                // the official's own action already refreshed his page (and shows its confirmation): only others'
                if (!Set.of(connection.userId()).containsAll(actors)) {
                    connection.sendItem(assignmentId);
                }
            }
        });
    }

    /**
     * Rows with increasing ids (identity columns) read above a watermark, re-reading the last {@value #ID_LOOKBACK}
     * ids for rows another node committed late, deduplicated. Ticker thread only.
     */
    static final class IdFeed {
        private final java.util.function.LongSupplier latest;
        private final java.util.function.BiFunction<Long, Integer, List<LiveEventsRepository.Change>> after;
        private long watermark = -1;
        private final Set<Long> seen = new HashSet<>();

        IdFeed(java.util.function.LongSupplier latest,
               java.util.function.BiFunction<Long, Integer, List<LiveEventsRepository.Change>> after) {
            this.latest = latest;
            this.after = after;
        }

        void reset() {
            watermark = -1;
            seen.clear();
        }

        /** Adds the assignments of rows new since the last call, with who made them, to {@code changed}; the first
         *  call only starts. */
        void next(Map<String, Set<String>> changed) {
            boolean starting = watermark < 0;
            if (starting) {
                watermark = latest.getAsLong();
            }
            long highest = watermark;
            for (LiveEventsRepository.Change change : after.apply(Math.max(0, watermark - ID_LOOKBACK), BATCH)) {
                highest = Math.max(highest, change.id());
                if (seen.add(change.id()) && !starting) {
                    changed.computeIfAbsent(change.assignmentId(), id -> new HashSet<>()).add(change.actor());
                }
            }
            watermark = highest;
            long floor = watermark - ID_LOOKBACK;
            seen.removeIf(id -> id <= floor);
        }
    }

    /** For tests: the official's open streams. */
    Collection<Connection> connectionsOf(String userId) {
        return new ArrayList<>(streams.of(userId));
    }
}
