package io.tally.altertable;

import io.tally.altertable.internal.EventType;
import io.tally.core.delivery.SendOutcome;
import java.util.List;

/** Sends one batch of same-type payloads and classifies the answer; must not throw. Tests substitute their own. */
interface EventSender {
    SendOutcome send(EventType type, List<byte[]> payloads);
}
