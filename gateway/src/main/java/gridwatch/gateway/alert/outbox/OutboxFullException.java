package gridwatch.gateway.alert.outbox;

/** The alert could not be stored: the outbox is full of alerts at least as severe. */
public final class OutboxFullException extends RuntimeException {

    public OutboxFullException(String message) {
        super(message);
    }
}
