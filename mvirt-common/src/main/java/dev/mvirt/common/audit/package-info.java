/**
 * The audit client: {@link dev.mvirt.common.audit.AuditSink} and its gRPC implementation
 * {@link dev.mvirt.common.audit.AuditLogger}, which batches entries to mvirt-log without ever blocking its caller.
 */
@NullMarked
package dev.mvirt.common.audit;

import org.jspecify.annotations.NullMarked;
