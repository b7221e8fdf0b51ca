package dev.mvirt.cli.tui;

/** The UI thread's own state: view, selection, filter, mode and the text being typed. */
final class UiState {
    /** What the keys do now. */
    enum Mode {
        LIST,
        DETAIL,
        HELP,
        COMMAND,
        FILTER,
        CONFIRM
    }

    View view = View.VMS;
    Mode mode = Mode.LIST;
    int selected;
    int scroll;
    String filter = "";
    String input = "";
    volatile String status = "";
    String detail = "";
    Runnable confirmed = () -> {};
    final boolean readonly;

    UiState(boolean readonly) {
        this.readonly = readonly;
    }
}
