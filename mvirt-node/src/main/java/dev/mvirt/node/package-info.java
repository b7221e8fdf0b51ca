/**
 * mvirt-node, the host agent: joins the cluster through the NodeService, keeps the host's desired state, and
 * realises it through the local daemons with one reconciler per resource kind. {@link dev.mvirt.node.Main} wires
 * the flags; {@link dev.mvirt.node.NodeAgent} is the running agent.
 */
@NullMarked
package dev.mvirt.node;

import org.jspecify.annotations.NullMarked;
