package dev.mvirt.node.reconcile;

import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.StorageDaemon;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.TemplateDesired;
import dev.mvirt.proto.node.v1.TemplateObserved;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** Templates: imported by the storage daemon and followed until READY or FAILED; removed when not desired. */
public final class TemplateReconciler implements Reconciler {
    private final DesiredCache cache;
    private final StorageDaemon storage;
    private final StatusSink sink;
    private final ReRun rerun;

    /** Asks for {@code id} to be looked at again after a delay (an import in progress). */
    @FunctionalInterface
    public interface ReRun {
        void after(String id, Duration delay);
    }

    public TemplateReconciler(DesiredCache cache, StorageDaemon storage, StatusSink sink, ReRun rerun) {
        this.cache = cache;
        this.storage = storage;
        this.sink = sink;
        this.rerun = rerun;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.RESOURCE_KIND_TEMPLATE;
    }

    @Override
    public Collection<String> observed() {
        return storage.templateIds();
    }

    @Override
    public void reconcile(String id) {
        Optional<DesiredResource> want = cache.get(new Key(kind(), id));
        if (want.isEmpty()) {
            storage.deleteTemplate(id);
            return;
        }
        TemplateDesired d = want.get().getTemplate();
        StorageDaemon.TemplateState s = storage.ensureTemplate(id, d.getSource(), d.getFormat());
        sink.report(Statuses.template(
                id,
                TemplateObserved.newBuilder()
                        .setPhase(s.phase())
                        .setProgressBytes(s.progressBytes())
                        .setSizeBytes(s.sizeBytes())
                        .setMessage(s.message())));
        if (s.phase().equals("IMPORTING")) {
            rerun.after(id, Duration.ofSeconds(2));
        }
    }
}
