package vn.dieuhanh.chat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live chat updates ({@code GET /tro-chuyen/su-kien}, Server-Sent Events, event {@code chat}) for the officials
 * connected to this node. Nodes share only the database: each node reads the messages above its watermark once per
 * tick (default 250 ms) for all its connections, and at once when a message was committed on this node; then one query
 * finds the active members of those conversations, and each connected member gets one event per message with its
 * conversation, id, author and text (members only: the membership is read from the tables at that moment). A stream
 * holds no database connection; at most {@code max-per-user} streams per official and {@code max-connections} per node.
 */
@Component
class ChatLive implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChatLive.class);
    static final int BATCH = 1000;
    static final long ID_LOOKBACK = 200;
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a page receives for a new message. */
    record Event(long conversationId, long id, String author, String authorName, String text, String at) {
    }

    final class Connection {
        final String userId;
        final SseEmitter emitter;

        Connection(String userId, SseEmitter emitter) {
            this.userId = userId;
            this.emitter = emitter;
        }

        /** Writes several ready-made events with one flush (a busy tick sends each stream one write). */
        synchronized void sendRaw(String events) {
            try {
                emitter.send(new RawEvents(events));
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        synchronized void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        void close() {
            remove(this);
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }

    /** Events already in the text/event-stream format (the data is JSON: it holds no line breaks). */
    static final class RawEvents implements SseEmitter.SseEventBuilder {
        private static final org.springframework.http.MediaType UTF8_TEXT = new org.springframework.http.MediaType(
                org.springframework.http.MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8);
        private final String text;

        RawEvents(String text) {
            this.text = text;
        }

        @Override
        public SseEmitter.SseEventBuilder id(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder name(String eventName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder reconnectTime(long reconnectTimeMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder comment(String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object, org.springframework.http.MediaType mediaType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<ResponseBodyEmitter.DataWithMediaType> build() {
            return Set.of(new ResponseBodyEmitter.DataWithMediaType(text, UTF8_TEXT));
        }
    }

    private final ChatRepository repository;
    private final Function<String, String> names;
    private final int maxPerUser;
    private final int maxConnections;
    private final Duration timeout;
    private final Duration tick;
    private final Map<String, List<Connection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private ScheduledExecutorService ticker;

    // ticker thread only
    private long watermark = -1;
    private final Set<Long> seen = new HashSet<>();
    private Instant lastHeartbeat = Instant.EPOCH;

    ChatLive(ChatRepository repository, ChatNames names,
             @Value("${dieuhanh.chat.live.max-per-user:4}") int maxPerUser,
             @Value("${dieuhanh.chat.live.max-connections:5000}") int maxConnections,
             @Value("${dieuhanh.chat.live.timeout:30m}") Duration timeout,
             @Value("${dieuhanh.chat.live.tick:250ms}") Duration tick) {
        this.repository = repository;
        this.names = names::name;
        this.maxPerUser = maxPerUser;
        this.maxConnections = maxConnections;
        this.timeout = timeout;
        this.tick = tick;
    }

    @Override
    public void afterPropertiesSet() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dieuhanh-chat-live");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::safeTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        byUser.values().forEach(list -> list.forEach(c -> {
            try {
                c.emitter.complete();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }));
        byUser.clear();
    }

    SseEmitter open(String userId) {
        if (connections.get() >= maxConnections) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Máy chủ đang bận, vui lòng thử lại sau (too many live connections)");
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Connection connection = new Connection(userId, emitter);
        List<Connection> mine = byUser.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
        while (mine.size() >= maxPerUser) {
            mine.get(0).close();
        }
        mine.add(connection);
        connections.incrementAndGet();
        emitter.onCompletion(() -> remove(connection));
        emitter.onTimeout(connection::close);
        emitter.onError(e -> remove(connection));
        try {
            emitter.send(SseEmitter.event().reconnectTime(3000).name("ready").data("1"));
        } catch (IOException e) {
            connection.close();
        }
        return emitter;
    }

    int connectionCount() {
        return connections.get();
    }

    /** A message was committed on this node: tick now rather than at the next period. */
    void wake() {
        if (ticker != null && !byUser.isEmpty() && wakePending.compareAndSet(false, true)) {
            ticker.execute(() -> {
                wakePending.set(false);
                safeTick();
            });
        }
    }

    private void remove(Connection connection) {
        List<Connection> mine = byUser.get(connection.userId);
        if (mine != null && mine.remove(connection)) {
            connections.decrementAndGet();
            if (mine.isEmpty()) {
                byUser.remove(connection.userId, mine);
            }
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Chat live updates: tick failed ({}), trying again next tick", e.toString());
        }
    }

    void tick() {
        if (byUser.isEmpty()) {
            watermark = -1;
            return;
        }
        if (watermark < 0) {
            watermark = repository.highestMessageId();
            return;
        }
        List<ChatRepository.Stored> fresh = new ArrayList<>();
        long highest = watermark;
        for (ChatRepository.Stored message : repository.messagesAfter(Math.max(0, watermark - ID_LOOKBACK), BATCH)) {
            highest = Math.max(highest, message.id());
            if (seen.add(message.id())) {
                fresh.add(message);
            }
        }
        watermark = highest;
        long floor = watermark - ID_LOOKBACK;
        seen.removeIf(id -> id <= floor);
        if (!fresh.isEmpty()) {
            Set<Long> conversations = new LinkedHashSet<>();
            fresh.forEach(m -> conversations.add(m.conversationId()));
            Map<Long, List<String>> members = repository.activeMembers(conversations);
            Map<String, String> authorNames = new LinkedHashMap<>();
            Map<Connection, StringBuilder> outgoing = new LinkedHashMap<>();
            for (ChatRepository.Stored message : fresh) {
                String event = "event:chat\ndata:" + data(message, authorNames) + "\n\n";
                for (String member : members.getOrDefault(message.conversationId(), List.of())) {
                    for (Connection connection : byUser.getOrDefault(member, List.of())) {
                        outgoing.computeIfAbsent(connection, c -> new StringBuilder()).append(event);
                    }
                }
            }
            outgoing.forEach((connection, events) -> connection.sendRaw(events.toString()));
        }
        Instant now = Instant.now();
        if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT) >= 0) {
            lastHeartbeat = now;
            byUser.values().forEach(list -> list.forEach(Connection::heartbeat));
        }
    }

    private String data(ChatRepository.Stored message, Map<String, String> authorNames) {
        String name = authorNames.computeIfAbsent(message.author(), names);
        Event event = new Event(message.conversationId(), message.id(), message.author(), name,
                message.deletedAt() != null ? "" : message.body(), ChatService.local(message.createdAt()).toString());
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
