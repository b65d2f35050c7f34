package dev.memorygraph.operators.pii;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;

/** What the PII stage made of an event: the event to pass on, or a dead letter. */
public record PiiResult(EnrichedEvent event, DeadLetter deadLetter) {

    static PiiResult passed(EnrichedEvent event) {
        return new PiiResult(event, null);
    }

    static PiiResult failed(DeadLetter letter) {
        return new PiiResult(null, letter);
    }
}
