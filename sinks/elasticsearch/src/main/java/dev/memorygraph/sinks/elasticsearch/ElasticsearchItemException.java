package dev.memorygraph.sinks.elasticsearch;

/**
 * One bulk item Elasticsearch refused: its HTTP status and error type ({@code
 * document_parsing_exception}, {@code es_rejected_execution_exception}...). The server's reason is
 * left out on purpose: it can quote the document.
 */
public final class ElasticsearchItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;

    public ElasticsearchItemException(int status, String type) {
        super("Bulk item failed with status " + status + " (" + type + ")", null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
