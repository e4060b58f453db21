package gridwatch.gateway.runtime;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.gateway.control.ApplyResult;
import gridwatch.gateway.control.GatewayControl;
import gridwatch.gateway.control.RecheckResult;
import gridwatch.gateway.devices.DeviceRegistry;
import gridwatch.gateway.devices.LatestReadings;
import gridwatch.gateway.vision.CameraSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link GatewayControl} for this gateway: a config is checked like {@code gridwatch validate},
 * written over the box's config file (atomically, so a power cut leaves the old or the new file,
 * never half of one) and put in effect through the {@link ConfigReloader}; a config the pipeline
 * refuses puts the old file back. Calls are serialised: one config change at a time.
 */
final class LocalGatewayControl implements GatewayControl {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGatewayControl.class);

    private final Path configFile;
    private final ConfigReloader reloader;
    private final DeviceRegistry devices;
    private final LatestReadings latest;
    private final Duration cameraWait;
    private final GatewayConfigLoader loader = new GatewayConfigLoader();

    LocalGatewayControl(Path configFile, ConfigReloader reloader, DeviceRegistry devices, LatestReadings latest, Duration cameraWait) {
        this.configFile = configFile.toAbsolutePath();
        this.reloader = reloader;
        this.devices = devices;
        this.latest = latest;
        this.cameraWait = cameraWait;
    }

    @Override
    public synchronized ApplyResult applyConfig(String yaml) {
        EdgeConfig next;
        try {
            next = loader.load(configFile, yaml);
        } catch (ConfigException e) {
            return new ApplyResult.Refused(e.errors().stream().map(ConfigError::format).toList());
        }
        List<String> restart = RestartSections.between(reloader.current(), next);
        String previous;
        try {
            previous = Files.readString(configFile, StandardCharsets.UTF_8);
            replace(yaml);
        } catch (IOException e) {
            return new ApplyResult.Refused(List.of(configFile + ": cannot save the new config: " + e.getMessage()));
        }
        if (!reloader.reload()) {
            try {
                replace(previous);
            } catch (IOException e) {
                LOG.error("config {} was refused and the previous file could not be put back: {}", configFile, e.getMessage());
            }
            return new ApplyResult.Refused(List.of(configFile + ": valid, but the running gateway did not put it in effect "
                    + "(see its log); the previous config stays"));
        }
        return restart.isEmpty() ? new ApplyResult.Applied() : new ApplyResult.NeedsRestart(restart);
    }

    private void replace(String text) throws IOException {
        Path tmp = Files.createTempFile(configFile.getParent(), "." + configFile.getFileName(), ".incoming");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public RecheckResult recheck(String deviceId) {
        var device = devices.find(deviceId);
        if (device.isEmpty()) {
            return new RecheckResult.UnknownDevice(deviceId);
        }
        if (device.get().source() instanceof CameraSource camera) {
            return nextFrame(deviceId, camera);
        }
        var readings = latest.of(deviceId);
        return readings.isEmpty() ? new RecheckResult.NothingYet(deviceId, "no reading since the gateway started")
                : new RecheckResult.SensorLatest(deviceId, readings);
    }

    private RecheckResult nextFrame(String deviceId, CameraSource camera) {
        SceneAnalyzer.Result r;
        try {
            r = camera.nextAnalysedFrame().get(cameraWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new RecheckResult.NothingYet(deviceId, "no frame analysed within " + cameraWait.toSeconds() + " s (" + camera.describe() + ")");
        } catch (ExecutionException e) {
            return new RecheckResult.NothingYet(deviceId, "analysis failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RecheckResult.NothingYet(deviceId, "interrupted");
        }
        Map<String, Integer> perZone = new LinkedHashMap<>();
        r.zoneStates().forEach((zone, state) -> perZone.put(zone, state.tracks()));
        return new RecheckResult.CameraFrame(deviceId, r.at(), r.inferred(), r.detections().size(), perZone, r.ruleStates(),
                r.findings().stream().map(Finding::summary).toList());
    }
}
