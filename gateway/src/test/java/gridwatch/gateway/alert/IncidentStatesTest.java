package gridwatch.gateway.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.detectors.core.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident key's text is what earlier versions stored: a changed byte would orphan every kept incident. */
class IncidentStatesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void keyTextIsWhatJacksonWroteForTheSameFiveStrings() throws Exception {
        List<String> odd = List.of("", "noise-1", "z1", "雨水泵站 1#", "quote \" back\\slash /slash", "tab\tnew\nline\rcr",
                "\u0000\u0001\u001f\u007f", "emoji \uD83D\uDE9A", "\u2028\u2029", "<script>&amp;</script>", "'single'");
        for (String device : odd) {
            for (String other : odd) {
                IncidentKey key = new IncidentKey(new Subject.Identity(device, other, other + device), "rule-" + other, other);
                String jackson = JACKSON.writeValueAsString(List.of(device, other, other + device, "rule-" + other, other));
                assertThat(IncidentStates.keyText(key)).as("%s / %s", device, other).isEqualTo(jackson);
            }
        }
    }
}
