package gridwatch.gateway.control;

import java.util.List;

/** What became of a config given to {@link GatewayControl#applyConfig}. */
public sealed interface ApplyResult {

    /** Valid, saved, and entirely in effect. */
    record Applied() implements ApplyResult {
    }

    /** Valid and saved; rules, thresholds, categories and alert policy are in effect, these sections wait for a restart. */
    record NeedsRestart(List<String> sections) implements ApplyResult {
        public NeedsRestart {
            sections = List.copyOf(sections);
        }
    }

    /** Not valid (each error as {@code file:line:column: field: reason}) or not applied; the running config stays. */
    record Refused(List<String> errors) implements ApplyResult {
        public Refused {
            errors = List.copyOf(errors);
        }
    }
}
