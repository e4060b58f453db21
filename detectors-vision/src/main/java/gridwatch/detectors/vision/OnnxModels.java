package gridwatch.detectors.vision;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads an ONNX model the way every model of the box is run: checksum first (a file that is not the configured one
 * is refused before ONNX Runtime reads it), then ONNX Runtime through DJL with raw tensors in and out and a fixed
 * number of threads, so a model never takes more cores than config gives it. The caller owns the model and closes it.
 */
public final class OnnxModels {

    private OnnxModels() {
    }

    /** @throws ModelFile.ModelRefusedException when the file is missing, differs from {@code sha256}, or ONNX Runtime refuses it */
    public static ZooModel<NDList, NDList> load(Path path, String sha256, int threads) {
        ModelFile.verify(path, sha256);
        try {
            return Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(path)
                    .optEngine("OnnxRuntime")
                    .optTranslator(new NoopTranslator())
                    .optOption("intraOpNumThreads", Integer.toString(threads))
                    .optOption("interOpNumThreads", "1")
                    .build()
                    .loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelFile.ModelRefusedException("ONNX Runtime cannot load " + path + ": " + e.getMessage());
        }
    }
}
