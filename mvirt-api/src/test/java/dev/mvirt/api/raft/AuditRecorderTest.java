package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.state.Result;
import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.FakeAuditSink;
import org.junit.jupiter.api.Test;

class AuditRecorderTest {
    private final FakeAuditSink sink = new FakeAuditSink();

    private AuditEntry record(Command c, String actor, Result r) {
        new AuditRecorder(sink, () -> true).applied(42, Envelope.of(c, actor, 1_000), r);
        return sink.entries().getLast();
    }

    @Test
    void aRejectedCommandStillNamesItsObjectAndKind() {
        AuditEntry e = record(
                new Command.Delete(Kind.VM, "vm-1", 0, false), "alice", new Result.Conflict("vm_running", "running"));
        assertThat(e.objectIds()).containsExactly("vm-1");
        assertThat(e.fields()).containsEntry("kind", "vm").containsEntry("outcome", "conflict:vm_running");
        assertThat(e.actor()).isEqualTo("alice");
        assertThat(e.id()).isEqualTo("api-42");
    }

    @Test
    void powerChangesSayWhatWasAsked() {
        AuditEntry e = record(
                new Command.SetVmPower("vm-1", VmSpec.DesiredState.STOPPED, VmSpec.StopMode.values()[0], 0),
                "ops",
                new Result.NotFound(Kind.VM, "vm-1"));
        assertThat(e.message()).isEqualTo("SetVmPower vm vm-1 to stopped");
        assertThat(e.objectIds()).containsExactly("vm-1");
        assertThat(e.fields()).containsEntry("revision", "42").containsEntry("outcome", "not_found");
    }

    @Test
    void attachingANicConcernsBothObjects() {
        AuditEntry e = record(new Command.AttachNic("nic-1", "vm-1", 0), "ops", new Result.Done(42));
        assertThat(e.objectIds()).containsExactly("nic-1", "vm-1");
        assertThat(e.fields()).containsEntry("kind", "nic");
    }

    @Test
    void aMoveConcernsItsVm() {
        AuditEntry e = record(new Command.MoveVm("vm-1", 0, java.util.Map.of()), "ops", new Result.Done(43));
        assertThat(e.objectIds()).containsExactly("vm-1");
        assertThat(e.fields()).containsEntry("kind", "vm");
    }

    @Test
    void onlyTheLeaderRecords() {
        new AuditRecorder(sink, () -> false)
                .applied(1, Envelope.of(new Command.RebootVm("vm-1", 0), "ops", 1), new Result.Done(1));
        assertThat(sink.entries()).isEmpty();
    }
}
