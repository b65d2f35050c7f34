package dev.memorygraph.sinks.base;

import java.io.Serializable;

/**
 * A request entry that knows its size and how it reads as a dead letter, so a store sink can use
 * {@link StoreSinkWriter} instead of a writer of its own.
 */
public interface StoreEntry extends Serializable {

    /** Bytes this entry adds to a request; compared against the batch and record limits. */
    long sizeInBytes();

    /** The dead letter's key: what names the entry, usually its event id. */
    byte[] deadLetterKey();

    /** The dead letter's value: what the store was sent. */
    byte[] deadLetterValue();
}
