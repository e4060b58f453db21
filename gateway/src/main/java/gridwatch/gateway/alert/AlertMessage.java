package gridwatch.gateway.alert;

/** An alert and its encoded payload, as it goes into the outbox: within the message bound ({@link MessageFit}). */
public record AlertMessage(Alert alert, byte[] payload) {
}
