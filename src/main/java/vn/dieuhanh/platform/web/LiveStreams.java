package vn.dieuhanh.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Event streams of one kind of live page for the officials connected to this node (the web app's
 * {@code /su-kien}, the chat's {@code /tro-chuyen/su-kien}). Nodes share only the database, so the owner reads what
 * changed on one ticker thread and sends it to the streams here.
 *
 * <p>Bounds: at most {@code maxPerUser} streams per official (the oldest is closed), {@code maxConnections} per node
 * (then 503), each stream ends after {@code timeout} (the browser reconnects by itself), a heartbeat comment every
 * 20 s keeps proxies from closing it and finds dead clients. A stream holds no database connection and no request
 * thread (servlet async). The ticker calls {@code onTick} while anybody is connected, {@code onIdle} otherwise (to
 * forget watermarks, so a first connection starts from the newest rows).
 */
public final class LiveStreams<S extends LiveStreams.Stream> {

    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** One open stream of an official; subclasses add what their events need. */
    public abstract static class Stream {
        private final String userId;
        private final SseEmitter emitter;
        private volatile LiveStreams<?> owner;

        protected Stream(String userId, SseEmitter emitter) {
            this.userId = userId;
            this.emitter = emitter;
        }

        public final String userId() {
            return userId;
        }

        /** Sends an event; false, and the stream closed, when the client is gone. */
        public final synchronized boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException e) {
                close();
                return false;
            }
        }

        public final void close() {
            LiveStreams<?> streams = owner;
            if (streams != null) {
                streams.remove(this);
            }
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }

    private final String name;
    private final int maxPerUser;
    private final int maxConnections;
    private final Duration timeout;
    private final Duration tick;
    private final Runnable onTick;
    private final Runnable onIdle;
    private final Map<String, List<S>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private ScheduledExecutorService ticker;
    private Instant lastHeartbeat = Instant.EPOCH; // ticker thread only

    public LiveStreams(String name, int maxPerUser, int maxConnections, Duration timeout, Duration tick,
                       Runnable onTick, Runnable onIdle) {
        this.name = name;
        this.maxPerUser = maxPerUser;
        this.maxConnections = maxConnections;
        this.timeout = timeout;
        this.tick = tick;
        this.onTick = onTick;
        this.onIdle = onIdle;
    }

    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dieuhanh-" + name);
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::safeTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        forEach(Stream::close);
        byUser.clear();
    }

    /** A new emitter for a stream, or 503 when this node already holds {@code maxConnections}. */
    public SseEmitter newEmitter() {
        if (connections.get() >= maxConnections) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Máy chủ đang bận, vui lòng thử lại sau (too many live connections)");
        }
        return new SseEmitter(timeout.toMillis());
    }

    /** Registers a stream made with {@link #newEmitter()}, closing the official's oldest beyond the limit. */
    public void add(S stream) {
        Stream base = stream; // the type variable does not see Stream's private fields
        base.owner = this;
        List<S> mine = byUser.computeIfAbsent(stream.userId(), id -> new CopyOnWriteArrayList<>());
        while (mine.size() >= maxPerUser) {
            mine.get(0).close();
        }
        mine.add(stream);
        connections.incrementAndGet();
        base.emitter.onCompletion(() -> remove(stream));
        base.emitter.onTimeout(stream::close);
        base.emitter.onError(e -> remove(stream));
    }

    /** The official's open streams on this node (none: an empty list). */
    public List<S> of(String userId) {
        return byUser.getOrDefault(userId, List.of());
    }

    public boolean isConnected(String userId) {
        return byUser.containsKey(userId);
    }

    public void forEach(Consumer<S> action) {
        byUser.values().forEach(list -> list.forEach(action));
    }

    /** The users with an open stream, a copy. */
    public List<String> users() {
        return new ArrayList<>(byUser.keySet());
    }

    public int count() {
        return connections.get();
    }

    /** Something changed on this node: tick now rather than at the next period. */
    public void wake() {
        if (ticker != null && !byUser.isEmpty() && wakePending.compareAndSet(false, true)) {
            ticker.execute(() -> {
                wakePending.set(false);
                safeTick();
            });
        }
    }

    private void remove(Stream stream) {
        List<S> mine = byUser.get(stream.userId());
        if (mine != null && mine.remove(stream)) {
            connections.decrementAndGet();
            if (mine.isEmpty()) {
                byUser.remove(stream.userId(), mine);
            }
        }
    }

    private void safeTick() {
        try {
            if (byUser.isEmpty()) {
                onIdle.run();
                return;
            }
            onTick.run();
            Instant now = Instant.now();
            if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT) >= 0) {
                lastHeartbeat = now;
                forEach(stream -> stream.send(SseEmitter.event().comment("ping")));
            }
        } catch (RuntimeException e) {
            log.warn("Live updates ({}): tick failed ({}), trying again next tick", name, e.toString());
        }
    }
}
