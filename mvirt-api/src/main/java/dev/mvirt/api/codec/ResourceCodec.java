package dev.mvirt.api.codec;

import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.state.IdempotencyRecord;
import dev.mvirt.proto.api.v1.IdempotencyRecordProto;
import dev.mvirt.proto.api.v1.MetaProto;
import dev.mvirt.proto.api.v1.ResourceProto;
import java.util.TreeMap;

/** Maps a {@link Resource} (meta, spec, status) and an {@link IdempotencyRecord}; decoding throws. */
final class ResourceCodec {
    private ResourceCodec() {}

    static ResourceProto encode(Resource<?, ?> r) {
        Meta m = r.meta();
        return ResourceProto.newBuilder()
                .setMeta(MetaProto.newBuilder()
                        .setId(m.id())
                        .setProject(m.project())
                        .setName(m.name())
                        .putAllLabels(m.labels())
                        .setCreatedAt(m.createdAt())
                        .setRevision(m.revision()))
                .setSpec(SpecCodec.encode(r.spec()))
                .setStatus(StatusCodec.encode(r.status()))
                .build();
    }

    static Resource<?, ?> decode(ResourceProto p, String field) {
        Wire.require(p.hasMeta(), field + ".meta");
        Wire.require(p.hasSpec(), field + ".spec");
        Wire.require(p.hasStatus(), field + ".status");
        MetaProto m = p.getMeta();
        Meta meta = new Meta(
                m.getId(),
                m.getProject(),
                m.getName(),
                new TreeMap<>(m.getLabelsMap()),
                m.getCreatedAt(),
                m.getRevision());
        Spec spec = SpecCodec.decode(p.getSpec(), field + ".spec");
        Status status = StatusCodec.decode(p.getStatus(), field + ".status");
        if (spec.kind() != status.kind()) {
            throw new CodecException(field + ": spec is a " + spec.kind() + " but status is a " + status.kind()
                    + " (id " + m.getId() + ")");
        }
        return new Resource<>(meta, spec, status);
    }

    static IdempotencyRecordProto encode(IdempotencyRecord r) {
        return IdempotencyRecordProto.newBuilder()
                .setKey(r.key())
                .setRequestHash(r.requestHash())
                .setKind(EnumCodec.kind(r.kind()))
                .setResourceId(r.resourceId())
                .setRevision(r.revision())
                .setTimeMillis(r.timeMillis())
                .build();
    }

    static IdempotencyRecord decode(IdempotencyRecordProto p, String field) {
        return new IdempotencyRecord(
                p.getKey(),
                p.getRequestHash(),
                EnumCodec.kind(p.getKindValue(), field + ".kind"),
                p.getResourceId(),
                p.getRevision(),
                p.getTimeMillis());
    }
}
