package vn.dieuhanh.chat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dieuhanh.platform.web.LiveStreams;

/**
 * Live chat updates ({@code GET /tro-chuyen/su-kien}, Server-Sent Events, event {@code chat}) for the officials
 * connected to this node. Nodes share only the database: each node reads the messages above its watermark once per
 * tick (default 250 ms) for all its connections, and at once when a message was committed on this node; then one query
 * finds the active members of those conversations, and each connected member gets one event per message with its
 * conversation, id, author and text (members only: the membership is read from the tables at that moment). A stream
 * holds no database connection; bounds, heartbeat and the ticker thread: {@link LiveStreams}
 * ({@code dieuhanh.chat.live.*}).
 */
@Component
class ChatLive implements InitializingBean, DisposableBean {

    static final int BATCH = 1000;
    static final long ID_LOOKBACK = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a page receives for a new message. */
    record Event(long conversationId, long id, String author, String authorName, String text, String at) {
    }

    static final class Connection extends LiveStreams.Stream {
        Connection(String userId, SseEmitter emitter) {
            super(userId, emitter);
        }

        /** Writes several ready-made events with one flush (a busy tick sends each stream one write). */
        void sendRaw(String events) {
            send(new RawEvents(events));
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
    private final LiveStreams<Connection> streams;

    // ticker thread only
    private long watermark = -1;
    private final Set<Long> seen = new HashSet<>();

    ChatLive(ChatRepository repository, ChatNames names,
             @Value("${dieuhanh.chat.live.max-per-user:4}") int maxPerUser,
             @Value("${dieuhanh.chat.live.max-connections:5000}") int maxConnections,
             @Value("${dieuhanh.chat.live.timeout:30m}") Duration timeout,
             @Value("${dieuhanh.chat.live.tick:250ms}") Duration tick) {
        this.repository = repository;
        this.names = names::name;
        this.streams = new LiveStreams<>("chat-live", maxPerUser, maxConnections, timeout, tick, this::tick,
                () -> watermark = -1);
    }

    @Override
    public void afterPropertiesSet() {
        streams.start();
    }

    @Override
    public void destroy() {
        streams.stop();
    }

    SseEmitter open(String userId) {
        SseEmitter emitter = streams.newEmitter();
        Connection connection = new Connection(userId, emitter);
        streams.add(connection);
        connection.send(SseEmitter.event().reconnectTime(3000).name("ready").data("1"));
        return emitter;
    }

    int connectionCount() {
        return streams.count();
    }

    /** A message was committed on this node: tick now rather than at the next period. */
    void wake() {
        streams.wake();
    }

    void tick() {
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
                    for (Connection connection : streams.of(member)) {
                        outgoing.computeIfAbsent(connection, c -> new StringBuilder()).append(event);
                    }
                }
            }
            outgoing.forEach((connection, events) -> connection.sendRaw(events.toString()));
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
