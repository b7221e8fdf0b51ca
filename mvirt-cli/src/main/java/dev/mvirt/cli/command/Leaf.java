package dev.mvirt.cli.command;

import java.util.concurrent.Callable;

/** A command that does one thing; failures are {@link CliException}s or client exceptions mapped by {@link Failures}. */
abstract class Leaf implements Callable<Integer> {
    final Cli cli;

    Leaf(Cli cli) {
        this.cli = cli;
    }

    @Override
    public final Integer call() {
        run();
        return Exit.OK.code();
    }

    abstract void run();
}
