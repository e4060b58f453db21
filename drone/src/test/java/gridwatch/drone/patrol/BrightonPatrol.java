package gridwatch.drone.patrol;

import gridwatch.drone.TestPhotos;
import gridwatch.drone.TestSettings;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.photo.PhotoAnalyzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seven shared Brighton photos analysed as one patrol, by their DJI number. */
final class BrightonPatrol {

    static final int[] NUMBERS = {18, 20, 22, 24, 26, 30, 32};

    private BrightonPatrol() {
    }

    static Path file(int n) {
        return n == 24 ? TestPhotos.original24() : TestPhotos.brighton(n);
    }

    static Map<Integer, AnalyzedPhoto> analyzed() throws Exception {
        PhotoAnalyzer analyzer = new PhotoAnalyzer(TestSettings.brighton(false));
        Map<Integer, AnalyzedPhoto> photos = new LinkedHashMap<>();
        for (int n : NUMBERS) {
            photos.put(n, analyzer.analyze(file(n)));
        }
        return photos;
    }

    static Map<Integer, AnalyzedPhoto> judged() throws Exception {
        Map<Integer, AnalyzedPhoto> raw = analyzed();
        List<AnalyzedPhoto> out = PatrolYawCheck.DEFAULT.judge(new ArrayList<>(raw.values()));
        Map<Integer, AnalyzedPhoto> photos = new LinkedHashMap<>();
        for (int i = 0; i < NUMBERS.length; i++) {
            photos.put(NUMBERS[i], out.get(i));
        }
        return photos;
    }
}
