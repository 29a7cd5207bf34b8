package io.tally.altertable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.altertable.internal.EventType;
import io.tally.altertable.internal.Payloads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Altertable for an app on a device (Android, desktop): keeps an anonymous identity, a device id,
 * sessions and the user's tracking consent in a {@link Storage}, and follows the Altertable
 * client spec's mobile-tier rules. Delivery (batching, retries, the durable queue) is that of the
 * {@link Altertable} client it wraps.
 *
 * <pre>{@code
 * Altertable altertable = Altertable.builder()
 *     .apiKey("pk_live_…")
 *     .durableQueue(new File(context.getFilesDir(), "altertable-queue").toPath())
 *     .build();
 * AltertableMobile analytics = AltertableMobile.builder(altertable)
 *     .storage(Storage.file(new File(context.getFilesDir(), "altertable.json").toPath()))
 *     .trackingConsent(TrackingConsent.PENDING)      // until the user answers the prompt
 *     .build();
 *
 * analytics.track("Recipe Opened", Map.of("recipe_id", 42));
 * analytics.identify("user-42", Map.of("plan", "pro"));     // after login
 * analytics.reset();                                         // after logout
 * }</pre>
 *
 * <h2>Identity</h2>
 * <ul>
 *   <li>A fresh install gets {@code device_id = device-<uuid>}, {@code distinct_id =
 *       anonymous-<uuid>}, no {@code anonymous_id}, and a new {@code session-<uuid>}; all survive
 *       restarts through the storage.</li>
 *   <li>{@link #identify(String)} makes the user id the {@code distinct_id} and keeps the anonymous
 *       id as {@code anonymous_id}, so Altertable merges the anonymous history into the user.
 *       Identifying the same user again changes nothing (the identify is still sent, with its
 *       traits); identifying another user while one is identified logs a warning and
 *       {@link #reset() resets} first.</li>
 *   <li>{@link #reset()} starts a new anonymous identity and session, forgets the
 *       {@code anonymous_id} and the payloads waiting for consent, and keeps the device id unless
 *       asked ({@link #reset(boolean)}). Payloads already handed to delivery are still sent.</li>
 *   <li>{@link #alias(String)} links the current {@code distinct_id} to another id; it does not
 *       change the local identity.</li>
 * </ul>
 *
 * <h2>Sessions</h2>
 * Every track carries {@code session_id}. A session ends after {@link Builder#sessionTimeout 30
 * minutes} without a track: the first track after that starts a new one. The time of the last
 * track is stored, so this holds across restarts. Identify and alias payloads carry no session.
 *
 * <h2>Consent</h2>
 * {@link TrackingConsent#GRANTED} (the default) sends; {@link TrackingConsent#PENDING} and
 * {@link TrackingConsent#DISMISSED} build payloads and keep them in the storage (at most 1000, the
 * oldest dropped and reported) until consent is granted, when they are sent in order;
 * {@link TrackingConsent#DENIED} drops payloads and discards the kept ones. The identity state
 * changes whatever the consent. The consent is stored; the builder's value applies only when the
 * storage has none.
 *
 * <p>Thread-safe. Invalid arguments throw {@link IllegalArgumentException} and change nothing;
 * storage failures are reported as {@link DeliveryFailure.Kind#STORAGE} and never thrown.
 */
public final class AltertableMobile implements AutoCloseable {
    /** The spec's {@code SESSION_EXPIRATION_TIME_MS}. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);
    /** The spec's {@code MAX_QUEUE_SIZE}, for payloads kept while consent is pending. */
    public static final int MAX_CONSENT_QUEUE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger("io.tally.altertable");

    private static final String DEVICE_ID = "device_id";
    private static final String DISTINCT_ID = "distinct_id";
    private static final String ANONYMOUS_ID = "anonymous_id";
    private static final String SESSION_ID = "session_id";
    private static final String LAST_EVENT_AT = "last_event_at";
    private static final String CONSENT = "tracking_consent";
    private static final String QUEUE_HEAD = "queue_head";
    private static final String QUEUE_TAIL = "queue_tail";
    private static final String QUEUE_ENTRY = "queue.";

    private final Altertable altertable;
    private final Storage storage;
    private final String prefix;
    private final Duration sessionTimeout;
    private final Clock clock;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    /** Storage index of the oldest kept payload; entries are {@code queue.<index>}. */
    private long keptHead;

    private String deviceId;
    private String distinctId;
    private @Nullable String anonymousId;
    private String sessionId;
    private @Nullable Instant lastEventAt;
    private TrackingConsent consent;

    /** A payload kept while consent is pending, serialised as it will be sent. */
    private static final class Kept {
        final EventType type;
        final byte[] json;

        Kept(EventType type, byte[] json) {
            this.type = type;
            this.json = json;
        }
    }

    private AltertableMobile(Builder b) {
        this.altertable = b.altertable;
        this.storage = Objects.requireNonNull(b.storage, "storage"); // build() checked it
        this.sessionTimeout = b.sessionTimeout;
        this.clock = altertable.clock();
        this.prefix = "atbl." + altertable.keyFingerprint() + "." + altertable.environment().slug() + ".";
        load(b.trackingConsent);
    }

    /**
     * A builder for a mobile facade over {@code altertable}. The facade takes ownership: closing it
     * closes the client.
     */
    public static Builder builder(Altertable altertable) {
        return new Builder(altertable);
    }

    // ---- events ----------------------------------------------------------------------------------

    /** Tracks {@code event} for the current identity, with no properties. */
    public void track(String event) {
        track(event, null);
    }

    /**
     * Tracks {@code event} for the current identity, in the current session (a new one if the last
     * has expired).
     *
     * @param properties the event's properties, converted as {@link TrackOptions.Builder#property}
     *                   does; {@code null} for none
     * @throws IllegalArgumentException when the event name is blank or a property cannot be sent
     */
    public synchronized void track(String event, @Nullable Map<String, ?> properties) {
        String name = Payloads.eventName("event", event);
        ObjectNode props = Payloads.toObject("properties", properties);
        Instant now = clock.instant();
        touchSession(now);
        send(EventType.TRACK, altertable.trackPayload(name, distinctId, anonymousId, deviceId, sessionId, now, props));
    }

    /** Tracks a screen view: a {@code $screen} event with {@code $screen_name}. */
    public void screen(String screenName) {
        screen(screenName, null);
    }

    /** Tracks a screen view with properties: a {@code $screen} event with {@code $screen_name}. */
    public synchronized void screen(String screenName, @Nullable Map<String, ?> properties) {
        String name = Payloads.eventName("screenName", screenName);
        ObjectNode props = Payloads.toObject("properties", properties);
        if (!props.has("$screen_name")) {
            props.put("$screen_name", name);
        }
        Instant now = clock.instant();
        touchSession(now);
        send(EventType.TRACK,
                altertable.trackPayload("$screen", distinctId, anonymousId, deviceId, sessionId, now, props));
    }

    /** Identifies the user, with no traits. */
    public void identify(String userId) {
        identify(userId, null);
    }

    /**
     * Identifies the user (after login or sign-up): the user id becomes the {@code distinct_id} and
     * the anonymous history is merged into it. Another user while one is identified resets first.
     *
     * @throws IllegalArgumentException when the user id is blank, too long or reserved
     */
    public synchronized void identify(String userId, @Nullable Map<String, ?> traits) {
        String user = Payloads.userId("userId", userId);
        ObjectNode traitsNode = Payloads.toObject("traits", traits);
        if (isIdentified() && !user.equals(distinctId)) {
            LOG.warn("Altertable: identify() for another user while one is identified; resetting the identity first "
                    + "(call reset() on logout to avoid this)");
            resetState(false);
        }
        if (!isIdentified()) {
            anonymousId = distinctId;
            distinctId = user;
            save(ANONYMOUS_ID, anonymousId);
            save(DISTINCT_ID, distinctId);
        }
        send(EventType.IDENTIFY,
                altertable.identifyPayload(distinctId, anonymousId, deviceId, clock.instant(), traitsNode));
    }

    /**
     * Updates the identified user's traits (an identify with the current ids).
     *
     * @throws IllegalStateException when no user is identified
     */
    public synchronized void updateTraits(@Nullable Map<String, ?> traits) {
        if (!isIdentified()) {
            throw new IllegalStateException("updateTraits() needs an identified user; call identify(userId) first");
        }
        ObjectNode traitsNode = Payloads.toObject("traits", traits);
        send(EventType.IDENTIFY,
                altertable.identifyPayload(distinctId, anonymousId, deviceId, clock.instant(), traitsNode));
    }

    /**
     * Links the current {@code distinct_id} to {@code newUserId} (an alias payload); the local
     * identity does not change.
     *
     * @throws IllegalArgumentException when the id is blank, too long, reserved or the current one
     */
    public synchronized void alias(String newUserId) {
        String to = Payloads.userId("newUserId", newUserId);
        if (to.equals(distinctId)) {
            throw new IllegalArgumentException("newUserId must differ from the current distinct id");
        }
        send(EventType.ALIAS, altertable.aliasPayload(distinctId, to, anonymousId, deviceId, clock.instant()));
    }

    /** Starts over as a new anonymous user (after logout), keeping the device id. */
    public void reset() {
        reset(false);
    }

    /**
     * Starts over as a new anonymous user: new {@code distinct_id} and session, no
     * {@code anonymous_id}, payloads waiting for consent discarded; a new device id too when
     * {@code resetDeviceId}.
     */
    public synchronized void reset(boolean resetDeviceId) {
        resetState(resetDeviceId);
    }

    // ---- consent ---------------------------------------------------------------------------------

    /** The current tracking consent. */
    public synchronized TrackingConsent trackingConsent() {
        return consent;
    }

    /**
     * Changes the tracking consent and stores it. Granting sends the payloads kept while pending,
     * in order; denying discards them.
     */
    public synchronized void setTrackingConsent(TrackingConsent trackingConsent) {
        Objects.requireNonNull(trackingConsent, "trackingConsent");
        this.consent = trackingConsent;
        save(CONSENT, trackingConsent.wireName());
        if (trackingConsent == TrackingConsent.GRANTED) {
            releaseKept();
        } else if (trackingConsent == TrackingConsent.DENIED && !kept.isEmpty()) {
            clearKept();
        }
    }

    // ---- state -----------------------------------------------------------------------------------

    /** The current {@code distinct_id}: the user id once identified, else {@code anonymous-<uuid>}. */
    public synchronized String distinctId() {
        return distinctId;
    }

    /** The anonymous id merged into the identified user, or {@code null} while anonymous. */
    public synchronized @Nullable String anonymousId() {
        return anonymousId;
    }

    /** {@code device-<uuid>}, stable across resets unless asked. */
    public synchronized String deviceId() {
        return deviceId;
    }

    /** The current session, {@code session-<uuid>}. */
    public synchronized String sessionId() {
        return sessionId;
    }

    /** Whether a user is identified. */
    public synchronized boolean isIdentified() {
        return anonymousId != null;
    }

    /** Payloads kept while consent is pending. */
    public synchronized int keptForConsentCount() {
        return kept.size();
    }

    /** The client that delivers for this facade. */
    public Altertable altertable() {
        return altertable;
    }

    /** {@link Altertable#flush()}. Payloads kept for consent are not sent by a flush. */
    public FlushResult flush() {
        return altertable.flush();
    }

    /** Closes the wrapped {@link Altertable}: sends what is queued (payloads kept for consent stay stored). */
    @Override
    public void close() {
        altertable.close();
    }

    @Override
    public synchronized String toString() {
        return "AltertableMobile[" + altertable + ", consent=" + consent + ", identified=" + isIdentified() + "]";
    }

    // ---- internals -------------------------------------------------------------------------------

    /** Reads the state from the storage; the constructor calls it, holding the lock like every other access. */
    private synchronized void load(TrackingConsent initialConsent) {
        deviceId = loadOrCreate(DEVICE_ID, "device");
        distinctId = loadOrCreate(DISTINCT_ID, "anonymous");
        anonymousId = read(ANONYMOUS_ID);
        sessionId = loadOrCreate(SESSION_ID, "session");
        String last = read(LAST_EVENT_AT);
        if (last != null) {
            try {
                lastEventAt = Instant.parse(last);
            } catch (DateTimeParseException e) {
                lastEventAt = null;
            }
        }
        TrackingConsent stored = TrackingConsent.fromWireName(read(CONSENT));
        consent = stored != null ? stored : initialConsent;
        loadKept();
        if (consent == TrackingConsent.GRANTED) {
            releaseKept(); // granted in an earlier run that ended before they were handed over
        }
    }

    private String loadOrCreate(String key, String idPrefix) {
        String value = read(key);
        if (value == null || value.trim().isEmpty()) {
            value = newId(idPrefix);
            save(key, value);
        }
        return value;
    }

    private void resetState(boolean resetDeviceId) {
        if (resetDeviceId) {
            deviceId = newId("device");
            save(DEVICE_ID, deviceId);
        }
        distinctId = newId("anonymous");
        anonymousId = null;
        sessionId = newId("session");
        lastEventAt = null;
        save(DISTINCT_ID, distinctId);
        delete(ANONYMOUS_ID);
        save(SESSION_ID, sessionId);
        delete(LAST_EVENT_AT);
        if (!kept.isEmpty()) {
            clearKept();
        }
    }

    private void touchSession(Instant now) {
        if (lastEventAt != null && Duration.between(lastEventAt, now).compareTo(sessionTimeout) >= 0) {
            sessionId = newId("session");
            save(SESSION_ID, sessionId);
        }
        lastEventAt = now;
        save(LAST_EVENT_AT, now.toString());
    }

    private void send(EventType type, ObjectNode payload) {
        switch (consent) {
            case GRANTED:
                altertable.enqueue(type, payload);
                break;
            case DENIED:
                break;
            default:
                keep(new Kept(type, Payloads.toBytes(payload)));
        }
    }

    /** Keeps a payload until consent is granted; each one is its own storage entry, so keeping one costs O(1). */
    private void keep(Kept k) {
        save(QUEUE_ENTRY + (keptHead + kept.size()),
                k.type.wireName() + " " + new String(k.json, StandardCharsets.UTF_8));
        kept.addLast(k);
        save(QUEUE_TAIL, String.valueOf(keptHead + kept.size()));
        List<byte[]> dropped = new ArrayList<>();
        while (kept.size() > MAX_CONSENT_QUEUE) {
            dropped.add(kept.pollFirst().json);
            delete(QUEUE_ENTRY + keptHead);
            keptHead++;
        }
        if (!dropped.isEmpty()) {
            save(QUEUE_HEAD, String.valueOf(keptHead));
            altertable.report(new DeliveryFailure(DeliveryFailure.Kind.QUEUE_OVERFLOW, "more than " + MAX_CONSENT_QUEUE
                    + " payloads are waiting for tracking consent: dropped the oldest", null, 0, null, dropped, null));
        }
    }

    private void releaseKept() {
        if (kept.isEmpty()) {
            return;
        }
        for (Kept k : kept) {
            altertable.enqueue(k.type, k.json);
        }
        clearKept();
    }

    private void clearKept() {
        for (int i = 0; i < kept.size(); i++) {
            delete(QUEUE_ENTRY + (keptHead + i));
        }
        kept.clear();
        delete(QUEUE_HEAD);
        delete(QUEUE_TAIL);
        keptHead = 0;
    }

    private void loadKept() {
        long head = parseIndex(read(QUEUE_HEAD));
        long tail = parseIndex(read(QUEUE_TAIL));
        if (tail - head > MAX_CONSENT_QUEUE) {
            head = tail - MAX_CONSENT_QUEUE; // never more than the queue could hold
        }
        keptHead = head;
        for (long i = head; i < tail; i++) {
            String entry = read(QUEUE_ENTRY + i);
            int space = entry == null ? -1 : entry.indexOf(' ');
            EventType type = entry == null || space < 0 ? null : EventType.fromWireName(entry.substring(0, space));
            if (entry == null || type == null) {
                continue; // a gap left by a failed write: skip it
            }
            kept.addLast(new Kept(type, entry.substring(space + 1).getBytes(StandardCharsets.UTF_8)));
        }
        if (kept.size() != tail - head && !kept.isEmpty()) {
            // re-number the survivors so indices stay contiguous
            List<Kept> survivors = new ArrayList<>(kept);
            for (long i = head; i < tail; i++) {
                delete(QUEUE_ENTRY + i);
            }
            kept.clear();
            keptHead = 0;
            delete(QUEUE_HEAD);
            for (Kept k : survivors) {
                keep(k);
            }
        }
    }

    private static long parseIndex(@Nullable String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private @Nullable String read(String key) {
        try {
            return storage.get(prefix + key);
        } catch (RuntimeException e) {
            storageFailure("could not read '" + key + "' from " + storage, e);
            return null;
        }
    }

    private void save(String key, String value) {
        try {
            storage.set(prefix + key, value);
        } catch (RuntimeException e) {
            storageFailure("could not store '" + key + "' in " + storage + "; it is kept in memory", e);
        }
    }

    private void delete(String key) {
        try {
            storage.remove(prefix + key);
        } catch (RuntimeException e) {
            storageFailure("could not remove '" + key + "' from " + storage, e);
        }
    }

    private void storageFailure(String message, Throwable cause) {
        altertable.report(new DeliveryFailure(DeliveryFailure.Kind.STORAGE, message, null, 0, null,
                Collections.<byte[]>emptyList(), cause));
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Configures an {@link AltertableMobile}. */
    public static final class Builder {
        private final Altertable altertable;
        private @Nullable Storage storage;
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        private TrackingConsent trackingConsent = TrackingConsent.GRANTED;

        private Builder(Altertable altertable) {
            this.altertable = Objects.requireNonNull(altertable, "altertable");
        }

        /**
         * Where identity, session and consent are kept: {@link Storage#file(Path)}, your own (e.g. over
         * {@code SharedPreferences}), or {@link Storage#inMemory()}. Required.
         */
        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** How long without a track ends a session; 30 minutes by default. */
        public Builder sessionTimeout(Duration sessionTimeout) {
            if (sessionTimeout == null || sessionTimeout.isNegative() || sessionTimeout.isZero()) {
                throw new IllegalArgumentException("sessionTimeout must be positive, got " + sessionTimeout);
            }
            this.sessionTimeout = sessionTimeout;
            return this;
        }

        /** The consent to start with when the storage holds none; {@link TrackingConsent#GRANTED} by default. */
        public Builder trackingConsent(TrackingConsent trackingConsent) {
            this.trackingConsent = Objects.requireNonNull(trackingConsent, "trackingConsent");
            return this;
        }

        /**
         * Loads the state from the storage (creating ids on first use).
         *
         * @throws IllegalArgumentException when no storage is set
         */
        public AltertableMobile build() {
            if (storage == null) {
                throw new IllegalArgumentException("storage is not set; pass Storage.file(path) (on Android, a path "
                        + "under Context.getFilesDir()), your own Storage, or Storage.inMemory()");
            }
            return new AltertableMobile(this);
        }
    }
}
