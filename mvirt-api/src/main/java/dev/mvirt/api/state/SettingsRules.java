package dev.mvirt.api.state;

import dev.mvirt.api.model.Settings;

/** Settings and feature flags: validated key by key, applied all or nothing. */
final class SettingsRules {
    private SettingsRules() {}

    static Result set(Tx tx, Command.SetSettings s) {
        return Rules.invalid(Settings.validate(s.values())).orElseGet(() -> {
            tx.settings(tx.settings().with(s.values()));
            return new Result.Done(tx.index);
        });
    }
}
