package dev.mvirt.cli.tui;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Printer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The TUI's UI thread: reads keys without blocking, redraws when the model or the UI changed (or once a second),
 * and hands actions to a worker so a slow API never freezes the screen.
 */
final class Tui {
    private final Screen screen;
    private final Model model;
    private final ApiClient client;
    private final String project;
    private final UiState ui;
    private final Renderer renderer;
    private final Consumer<String> console;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("tui-action").unstarted(r));
    private boolean running = true;

    Tui(Screen screen, Model model, ApiClient client, String project, boolean readonly, Consumer<String> console) {
        this.screen = screen;
        this.model = model;
        this.client = client;
        this.project = project;
        this.ui = new UiState(readonly);
        this.renderer = new Renderer(screen, model, client.connection().endpoint() + " project " + project);
        this.console = console;
    }

    /** Runs until q. */
    void run() throws IOException, InterruptedException {
        long drawn = -1;
        long lastDraw = 0;
        boolean dirty = true;
        while (running) {
            KeyStroke k = screen.pollInput();
            while (k != null && running) {
                key(k);
                dirty = true;
                k = screen.pollInput();
            }
            if (!running) {
                break;
            }
            long v = model.version();
            if (dirty
                    || v != drawn
                    || System.currentTimeMillis() - lastDraw > 1000
                    || screen.doResizeIfNecessary() != null) {
                List<List<String>> rows = Renderer.rows(model, ui.view, ui.filter, items());
                ui.selected = Math.max(0, Math.min(ui.selected, rows.size() - 1));
                renderer.draw(ui, rows, Renderer.header(ui.view));
                screen.refresh();
                drawn = v;
                lastDraw = System.currentTimeMillis();
                dirty = false;
            }
            Thread.sleep(30);
        }
        worker.shutdownNow();
    }

    private List<JsonNode> items() {
        return ui.view.noun().map(model::items).orElse(List.of());
    }

    /** The resource on the selected row of the current (filtered) view. */
    private java.util.Optional<JsonNode> selected() {
        if (ui.view.noun().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<JsonNode> items = items();
        List<List<String>> rows = Renderer.rows(model, ui.view, ui.filter, items);
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        String name = rows.get(Math.min(ui.selected, rows.size() - 1)).get(0);
        return items.stream().filter(i -> i.path("name").asText().equals(name)).findFirst();
    }

    private void key(KeyStroke k) {
        if (k.isAltDown() && k.getKeyType() == KeyType.Character && k.getCharacter() != null) {
            // a fast Escape followed by a key arrives as Alt+key: handle it as both
            key(new KeyStroke(KeyType.Escape));
            key(new KeyStroke(k.getCharacter(), false, false));
            return;
        }
        switch (ui.mode) {
            case COMMAND, FILTER -> typing(k);
            case CONFIRM -> confirm(k);
            case DETAIL, HELP -> reading(k);
            case LIST -> listing(k);
        }
    }

    private void typing(KeyStroke k) {
        if (k.getKeyType() == KeyType.Escape) {
            if (ui.mode == UiState.Mode.FILTER) {
                ui.filter = "";
            }
            ui.mode = UiState.Mode.LIST;
        } else if (k.getKeyType() == KeyType.Enter) {
            if (ui.mode == UiState.Mode.FILTER) {
                ui.filter = ui.input.trim();
            } else {
                command(ui.input);
            }
            if (ui.mode != UiState.Mode.HELP) {
                ui.mode = UiState.Mode.LIST;
            }
            ui.selected = 0;
        } else if (k.getKeyType() == KeyType.Backspace && !ui.input.isEmpty()) {
            ui.input = ui.input.substring(0, ui.input.length() - 1);
        } else if (k.getKeyType() == KeyType.Character) {
            ui.input += k.getCharacter();
        }
    }

    private void command(String text) {
        String t = text.trim();
        if (t.equals("q") || t.equals("quit")) {
            running = false;
            return;
        }
        View.named(t)
                .ifPresentOrElse(
                        v -> {
                            ui.view = v;
                            ui.filter = "";
                            ui.status = "";
                        },
                        () -> ui.status = "no view '" + t
                                + "': vms, nodes, networks, nics, volumes, templates, sg, audit, events");
        if (ui.view == View.AUDIT) {
            ui.detail = model.audit();
            ui.scroll = 0;
            ui.mode = UiState.Mode.DETAIL;
        }
    }

    private void confirm(KeyStroke k) {
        ui.mode = UiState.Mode.LIST;
        if (k.getKeyType() == KeyType.Character && (k.getCharacter() == 'y' || k.getCharacter() == 'Y')) {
            ui.confirmed.run();
        } else {
            ui.status = "cancelled";
        }
    }

    private void reading(KeyStroke k) {
        switch (k.getKeyType()) {
            case Escape -> ui.mode = UiState.Mode.LIST;
            case ArrowDown -> ui.scroll++;
            case ArrowUp -> ui.scroll = Math.max(0, ui.scroll - 1);
            case Character -> {
                if (k.getCharacter() == 'q') {
                    ui.mode = UiState.Mode.LIST;
                }
            }
            default -> {}
        }
    }

    private void listing(KeyStroke k) {
        switch (k.getKeyType()) {
            case ArrowDown -> ui.selected++;
            case ArrowUp -> ui.selected = Math.max(0, ui.selected - 1);
            case PageDown -> ui.selected += 10;
            case PageUp -> ui.selected = Math.max(0, ui.selected - 10);
            case Enter ->
                selected().ifPresent(r -> {
                    ui.detail = Printer.render(r, Format.YAML);
                    ui.scroll = 0;
                    ui.mode = UiState.Mode.DETAIL;
                });
            case Escape -> ui.filter = "";
            case Character -> letter(k.getCharacter());
            default -> {}
        }
    }

    private void letter(char c) {
        ui.status = "";
        switch (c) {
            case ':' -> prompt(UiState.Mode.COMMAND, "");
            case '/' -> prompt(UiState.Mode.FILTER, ui.filter);
            case '?' -> ui.mode = UiState.Mode.HELP;
            case 'q' -> running = false;
            case 'j' -> ui.selected++;
            case 'k' -> ui.selected = Math.max(0, ui.selected - 1);
            case 's' -> vmAction("start");
            case 'x' -> vmAction("stop");
            case 'r' -> vmAction("reboot");
            case 'd' -> delete();
            case 'c' -> vm().ifPresent(v -> console.accept(v.path("name").asText()));
            default -> {}
        }
    }

    private void prompt(UiState.Mode mode, String initial) {
        ui.mode = mode;
        ui.input = initial;
    }

    private java.util.Optional<JsonNode> vm() {
        if (ui.view != View.VMS) {
            ui.status = "that action works on VMs (:vms)";
            return java.util.Optional.empty();
        }
        if (ui.readonly) {
            ui.status = "read-only mode: actions are off";
            return java.util.Optional.empty();
        }
        return selected();
    }

    private void vmAction(String verb) {
        vm().ifPresent(v -> {
            String name = v.path("name").asText();
            String path = Noun.VM.item(v.path("project").asText(project), name) + "/" + verb;
            ui.status = verb + " " + name + " ...";
            act(verb + " " + name, () -> client.send("POST", path, Map.of(), null, Map.of()));
        });
    }

    private void delete() {
        if (ui.readonly) {
            ui.status = "read-only mode: actions are off";
            return;
        }
        ui.view
                .noun()
                .ifPresent(noun -> selected().ifPresent(r -> {
                    String name = r.path("name").asText();
                    ui.status = "Delete " + noun.cli() + " " + name + "? (y/n)";
                    ui.mode = UiState.Mode.CONFIRM;
                    ui.confirmed = () -> {
                        ui.status = "deleting " + name + " ...";
                        String path = noun.item(r.path("project").asText(project), name);
                        act(
                                "delete " + noun.cli() + " " + name,
                                () -> client.send("DELETE", path, Map.of(), null, Map.of()));
                    };
                }));
    }

    private void act(String what, Runnable call) {
        worker.execute(() -> {
            try {
                call.run();
                ui.status = what + ": accepted";
            } catch (RuntimeException e) {
                ui.status = what + ": " + e.getMessage();
            }
        });
    }
}
