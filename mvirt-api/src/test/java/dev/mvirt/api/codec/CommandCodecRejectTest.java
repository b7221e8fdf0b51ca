package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.mvirt.proto.api.v1.BootProto;
import dev.mvirt.proto.api.v1.CreateProto;
import dev.mvirt.proto.api.v1.DeleteProto;
import dev.mvirt.proto.api.v1.DirectionProto;
import dev.mvirt.proto.api.v1.EnvelopeProto;
import dev.mvirt.proto.api.v1.ExpireLocksProto;
import dev.mvirt.proto.api.v1.ProtocolProto;
import dev.mvirt.proto.api.v1.RegisterNodeProto;
import dev.mvirt.proto.api.v1.RuleProto;
import dev.mvirt.proto.api.v1.SecurityGroupSpecProto;
import dev.mvirt.proto.api.v1.SpecProto;
import dev.mvirt.proto.api.v1.VmSpecProto;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad entries are refused as values with a reason, never with an exception. */
class CommandCodecRejectTest {

    private static EnvelopeProto.Builder envelope() {
        return EnvelopeProto.newBuilder()
                .setVersion(CommandCodec.FORMAT_VERSION)
                .setActor("alice");
    }

    private static String rejected(EnvelopeProto.Builder b) {
        return rejected(b.build().toByteArray());
    }

    private static String rejected(byte[] bytes) {
        Decoded d = CommandCodec.decode(bytes);
        assertThat(d).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected) d).reason();
    }

    @Test
    void randomBytesAreRejected() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            assertThat(CommandCodec.decode(bytes)).isInstanceOf(Decoded.Rejected.class);
        }
    }

    @Test
    void malformedProtobufIsNamed() {
        assertThat(rejected(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff})).startsWith("malformed entry");
    }

    @Test
    void anEnvelopeWithoutCommandIsRejected() {
        assertThat(rejected(envelope())).isEqualTo("command: not set");
        assertThat(rejected(new byte[0])).contains("format version 0");
    }

    @Test
    void aCommandFromTheFutureIsRejectedNamingItsField() {
        UnknownFieldSet future = UnknownFieldSet.newBuilder()
                .addField(
                        99,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFromUtf8("x"))
                                .build())
                .build();

        assertThat(rejected(envelope().setUnknownFields(future)))
                .contains("command: not set")
                .contains("[99]")
                .contains("newer version");
    }

    @Test
    void anUnsupportedFormatVersionIsRejected() {
        assertThat(rejected(envelope().setVersion(2).setExpireLocks(ExpireLocksProto.getDefaultInstance())))
                .contains("format version 2");
        assertThat(rejected(envelope().setVersion(-1).setExpireLocks(ExpireLocksProto.getDefaultInstance())))
                .contains("format version 4294967295");
    }

    @Test
    void anEnumValueFromTheFutureIsRejected() {
        assertThat(rejected(envelope()
                        .setDelete(DeleteProto.newBuilder().setKindValue(99).setId("x"))))
                .isEqualTo("command.delete.kind: unknown Kind value 99 (written by a newer version?)");
    }

    @Test
    void anUnspecifiedEnumIsRejected() {
        assertThat(rejected(envelope().setDelete(DeleteProto.newBuilder().setId("x"))))
                .isEqualTo("command.delete.kind: Kind is not set");
    }

    @Test
    void anEnumDeepInsideASpecIsRejectedWithItsPath() {
        SpecProto spec = SpecProto.newBuilder()
                .setSecurityGroup(SecurityGroupSpecProto.newBuilder()
                        .addRules(RuleProto.newBuilder()
                                .setDirection(DirectionProto.DIRECTION_INGRESS)
                                .setProtocol(ProtocolProto.PROTOCOL_ANY))
                        .addRules(RuleProto.newBuilder()
                                .setDirection(DirectionProto.DIRECTION_EGRESS)
                                .setProtocolValue(77)))
                .build();

        assertThat(rejected(envelope().setCreate(CreateProto.newBuilder().setSpec(spec))))
                .startsWith("command.create.spec.security_group.rules[1].protocol: unknown Protocol value 77");
    }

    @Test
    void missingRequiredMessagesAreRejected() {
        assertThat(rejected(envelope().setCreate(CreateProto.newBuilder().setId("x"))))
                .isEqualTo("command.create.spec: required message is missing");
        assertThat(rejected(envelope()
                        .setRegisterNode(RegisterNodeProto.newBuilder().setNodeId("x"))))
                .isEqualTo("command.register_node.facts: required message is missing");
        VmSpecProto noBoot = VmSpecProto.newBuilder().setVcpus(1).build();
        assertThat(rejected(envelope()
                        .setCreate(CreateProto.newBuilder()
                                .setSpec(SpecProto.newBuilder().setVm(noBoot)))))
                .isEqualTo("command.create.spec.vm.boot: required message is missing");
    }

    @Test
    void aSpecWithoutKindIsRejected() {
        assertThat(rejected(envelope().setCreate(CreateProto.newBuilder().setSpec(SpecProto.getDefaultInstance()))))
                .isEqualTo("command.create.spec: not set");
    }

    @Test
    void aVmSpecWithBootButUnsetEnumsIsRejected() {
        VmSpecProto vm =
                VmSpecProto.newBuilder().setBoot(BootProto.getDefaultInstance()).build();

        assertThat(rejected(envelope()
                        .setCreate(CreateProto.newBuilder()
                                .setSpec(SpecProto.newBuilder().setVm(vm)))))
                .isEqualTo("command.create.spec.vm.desired: DesiredState is not set");
    }

    @Test
    void invalidUtf8IsRejected() {
        // version 1; actor (field 2) with bytes 0xc3 0x28, which are not UTF-8; expire_locks (field 34)
        byte[] bytes = {0x08, 0x01, 0x12, 0x02, (byte) 0xc3, 0x28, (byte) 0x92, 0x02, 0x00};

        assertThat(rejected(bytes)).startsWith("malformed entry");
    }
}
