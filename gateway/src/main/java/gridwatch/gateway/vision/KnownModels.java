package gridwatch.gateway.vision;

import gridwatch.detectors.vision.ModelFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** The YOLOX-nano files the project knows by checksum (README "Models"), for the demo and {@code detect} without a config. */
public final class KnownModels {

    /** Megvii's release asset 0.1.1rc0, and the team's re-export of the same weights. */
    static final String YOLOX_NANO_OFFICIAL = "c789161ed43c8269fcd4e67c67eeeb4e80c622da2eb296a20bc6007bd18a0b7d";
    static final Set<String> YOLOX_NANO = Set.of(YOLOX_NANO_OFFICIAL, "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14");

    private KnownModels() {
    }

    /** The file's own sha256 when it is one of the known YOLOX-nano files; otherwise the official one, which refuses it. */
    public static String yoloxNanoSha256(Path m) {
        try {
            String actual = ModelFile.sha256(m);
            return YOLOX_NANO.contains(actual) ? actual : YOLOX_NANO_OFFICIAL;
        } catch (IOException e) {
            throw new ModelFile.ModelRefusedException("cannot read model file " + m + ": " + e.getMessage());
        }
    }
}
