package dev.mvirt.cli.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.command.Cli;
import dev.mvirt.cli.command.Commands;
import dev.mvirt.cli.command.ConsoleCmd;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mvirt tui}: the terminal UI; the feed runs on its own thread, the screen on this one. */
@Command(
        description = "A terminal UI in the spirit of k9s (':' views, '/' filter, '?' keys).",
        mixinStandardHelpOptions = true)
public final class TuiCmd implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--readonly", description = "look only: start, stop, reboot, delete and console are off")
    boolean readonly;

    public TuiCmd(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiClient client = cli.client();
        String project = cli.project();
        Model model = new Model();
        Feed feed = new Feed(client, project, model);
        Thread feeder = Thread.ofPlatform().daemon().name("tui-feed").start(feed);
        Screen screen = new DefaultTerminalFactory().setForceTextTerminal(true).createScreen();
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            new Tui(screen, model, client, project, readonly, name -> console(screen, name)).run();
        } finally {
            feed.stop();
            screen.stopScreen();
            feeder.interrupt();
        }
        return 0;
    }

    /** Leaves the screen for the console session, then comes back. */
    private void console(Screen screen, String vm) {
        try {
            screen.stopScreen();
            Commands.execute(cli, new ConsoleCmd(cli), vm);
            cli.io().err().println("Press Enter to return to mvirt tui.");
            cli.io().in().read();
            screen.startScreen();
            screen.setCursorPosition(null);
        } catch (IOException e) {
            cli.io().err().println("mvirt: the terminal failed: " + e.getMessage());
        }
    }
}
