package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.IdempotencyRecord;
import dev.mvirt.proto.api.v1.IdempotencyRecordProto;
import dev.mvirt.proto.api.v1.ResourceProto;
import dev.mvirt.proto.api.v1.SpecProto;
import dev.mvirt.proto.api.v1.StatusProto;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceCodecTest {

    static Stream<Spec> specs() {
        return CodecFixtures.specs().values().stream();
    }

    static Stream<Status> statuses() {
        return CodecFixtures.statuses().values().stream();
    }

    static Resource<VmSpec, VmStatus> vm() {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("app", "web");
        return new Resource<>(
                new Meta(CodecFixtures.ID1, "default", "web-1", labels, 1_700_000_000_000L, 77),
                CodecFixtures.vmSpec(),
                (VmStatus) CodecFixtures.statuses().get(VmStatus.class));
    }

    @Test
    void everySpecAndStatusRecordHasASample() {
        assertThat(CodecFixtures.specs().keySet()).containsExactlyInAnyOrder(Spec.class.getPermittedSubclasses());
        assertThat(CodecFixtures.statuses().keySet()).containsExactlyInAnyOrder(Status.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void roundTripsEverySpec(Spec spec) throws InvalidProtocolBufferException {
        EveryField.assertSet(spec, spec.getClass().getSimpleName());
        byte[] bytes = SpecCodec.encode(spec).toByteArray();

        assertThat(SpecCodec.decode(SpecProto.parseFrom(bytes), "spec")).isEqualTo(spec);
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void roundTripsEveryStatus(Status status) throws InvalidProtocolBufferException {
        EveryField.assertSet(status, status.getClass().getSimpleName());
        byte[] bytes = StatusCodec.encode(status).toByteArray();

        assertThat(StatusCodec.decode(StatusProto.parseFrom(bytes), "status")).isEqualTo(status);
    }

    @Test
    void roundTripsAResource() throws InvalidProtocolBufferException {
        byte[] bytes = ResourceCodec.encode(vm()).toByteArray();

        assertThat(ResourceCodec.decode(ResourceProto.parseFrom(bytes), "r")).isEqualTo(vm());
    }

    @Test
    void roundTripsAnIdempotencyRecord() throws InvalidProtocolBufferException {
        IdempotencyRecord rec = new IdempotencyRecord("k", "h", Kind.VM, CodecFixtures.ID1, 9, 1000);
        byte[] bytes = ResourceCodec.encode(rec).toByteArray();

        assertThat(ResourceCodec.decode(IdempotencyRecordProto.parseFrom(bytes), "i"))
                .isEqualTo(rec);
    }

    @Test
    void refusesAResourceWhoseSpecAndStatusDisagree() {
        ResourceProto mixed = ResourceCodec.encode(vm()).toBuilder()
                .setSpec(SpecCodec.encode(new ProjectSpec("p")))
                .build();

        assertThatThrownBy(() -> ResourceCodec.decode(mixed, "r"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("spec is a PROJECT but status is a VM");
    }

    @Test
    void refusesAResourceWithoutMeta() {
        ResourceProto noMeta =
                ResourceCodec.encode(vm()).toBuilder().clearMeta().build();

        assertThatThrownBy(() -> ResourceCodec.decode(noMeta, "r"))
                .isInstanceOf(CodecException.class)
                .hasMessage("r.meta: required message is missing");
    }
}
