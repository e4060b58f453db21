package gridwatch.gateway.vision;

import gridwatch.detectors.vision.ModelFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** The model files the project knows by checksum (README "Models"), for the demo and {@code detect} without a config. */
public final class KnownModels {

    /** Megvii's release asset 0.1.1rc0, and the team's re-export of the same weights. */
    static final String YOLOX_NANO_OFFICIAL = "c789161ed43c8269fcd4e67c67eeeb4e80c622da2eb296a20bc6007bd18a0b7d";
    static final Set<String> YOLOX_NANO = Set.of(YOLOX_NANO_OFFICIAL, "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14");

    /** MCNN density counters (../shared/models/README.md): part A (dense crowds), the default, and part B (sparse streets). */
    static final String MCNN_A = "cb4e9ff439ad497a1bddb9eab0f6b5cbf711a8a3b26f232fd90c27def9f725cb";
    static final Set<String> MCNN = Set.of(MCNN_A, "89472c1240358b70cb408e0f8d9d93b50d23f45a32c8f099fb4e25989daefa8c");

    private KnownModels() {
    }

    /** The file's own sha256 when it is one of the known MCNN files; otherwise MCNN-A's, which refuses it. */
    public static String mcnnSha256(Path m) {
        return known(m, MCNN, MCNN_A);
    }

    private static String known(Path m, Set<String> known, String otherwise) {
        try {
            String actual = ModelFile.sha256(m);
            return known.contains(actual) ? actual : otherwise;
        } catch (IOException e) {
            throw new ModelFile.ModelRefusedException("cannot read model file " + m + ": " + e.getMessage());
        }
    }

    /** The file's own sha256 when it is one of the known YOLOX-nano files; otherwise the official one, which refuses it. */
    public static String yoloxNanoSha256(Path m) {
        return known(m, YOLOX_NANO, YOLOX_NANO_OFFICIAL);
    }
}
