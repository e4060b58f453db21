package gridwatch.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code gridwatch run | validate | demo}. */
@Command(name = "gridwatch", mixinStandardHelpOptions = true, version = "GridWatch Edge 0.1.0",
        description = "Edge gateway for city operations: field sensors and cameras in, case alerts out over MQTT.",
        subcommands = {RunCommand.class, ValidateCommand.class, DemoCommand.class, DetectCommand.class, DroneCommand.class, CommandLine.HelpCommand.class})
public final class GridwatchCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        // HiveMQ's jar carries its own logback.xml; name ours so the first one found is never a surprise.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "gridwatch-logback.xml");
        }
        int code = new CommandLine(new GridwatchCli()).execute(args);
        // The demo returns from a Ctrl-C while the JVM's shutdown is under way, where System.exit would block.
        if (code != 0 || args.length == 0 || !"demo".equals(args[0])) {
            System.exit(code);
        }
    }
}
