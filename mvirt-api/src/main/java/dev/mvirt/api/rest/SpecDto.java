package dev.mvirt.api.rest;

import static dev.mvirt.api.rest.Fields.list;
import static dev.mvirt.api.rest.Fields.str;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.Snapshot;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VolumeSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a spec, both ways: answers carry every member (references as ids); requests may leave members
 * out (defaults) and name references by name or id, resolved through {@link Refs}.
 */
sealed interface SpecDto
        permits SpecDto.ProjectDto,
                SpecDto.NodeDto,
                SpecDto.NetworkDto,
                SpecDto.NicDto,
                SpecDto.VolumeDto,
                SpecDto.TemplateDto,
                SpecDto.SecurityGroupDto,
                VmSpecDto,
                SpecDto.LockDto {

    /** The model spec, references resolved. */
    Spec toSpec(Refs refs);

    /** The DTO of a model spec. */
    static SpecDto of(Spec spec) {
        return switch (spec) {
            case ProjectSpec s -> new ProjectDto(s.description());
            case NodeSpec s -> new NodeDto(s.cordoned(), s.draining());
            case NetworkSpec s -> new NetworkDto(s.ipv4Cidr(), s.ipv6Cidr(), s.dns(), s.ntp(), s.nat());
            case NicSpec s ->
                new NicDto(s.network(), s.mac(), s.ipv4(), s.ipv6(), s.routedPrefixes(), s.securityGroups(), s.vm());
            case VolumeSpec s ->
                new VolumeDto(
                        s.node(),
                        s.sizeBytes(),
                        s.template(),
                        s.pool(),
                        s.snapshots(),
                        s.rollbackTo(),
                        s.rollbackGeneration());
            case TemplateSpec s -> new TemplateDto(s.node(), s.source(), s.format());
            case SecurityGroupSpec s ->
                new SecurityGroupDto(
                        s.description(), s.rules().stream().map(RuleDto::of).toList());
            case VmSpec s -> VmSpecDto.of(s);
            case LockSpec s -> new LockDto(s.owner(), s.ttlMillis());
        };
    }

    /** The DTO class for {@code kind}. */
    static Class<? extends SpecDto> type(Kind kind) {
        return switch (kind) {
            case PROJECT -> ProjectDto.class;
            case NODE -> NodeDto.class;
            case NETWORK -> NetworkDto.class;
            case NIC -> NicDto.class;
            case VOLUME -> VolumeDto.class;
            case TEMPLATE -> TemplateDto.class;
            case SECURITY_GROUP -> SecurityGroupDto.class;
            case VM -> VmSpecDto.class;
            case LOCK -> LockDto.class;
        };
    }

    /** A project. */
    record ProjectDto(@Nullable String description) implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            return new ProjectSpec(str(description));
        }
    }

    /** A node's operator-set state. */
    record NodeDto(boolean cordoned, boolean draining) implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            return new NodeSpec(cordoned, draining);
        }
    }

    /** A network. */
    record NetworkDto(
            @Nullable String ipv4Cidr,
            @Nullable String ipv6Cidr,
            @Nullable List<String> dns,
            @Nullable List<String> ntp,
            boolean nat)
            implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            return new NetworkSpec(str(ipv4Cidr), str(ipv6Cidr), list(dns, "spec.dns"), list(ntp, "spec.ntp"), nat);
        }
    }

    /** A NIC; {@code vm} is maintained by attach/detach. */
    record NicDto(
            @Nullable String network,
            @Nullable String mac,
            @Nullable String ipv4,
            @Nullable String ipv6,
            @Nullable List<String> routedPrefixes,
            @Nullable List<String> securityGroups,
            @Nullable String vm)
            implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            return new NicSpec(
                    refs.id(Kind.NETWORK, str(network), "spec.network"),
                    str(mac),
                    str(ipv4),
                    str(ipv6),
                    list(routedPrefixes, "spec.routedPrefixes"),
                    refs.ids(Kind.SECURITY_GROUP, list(securityGroups, "spec.securityGroups"), "spec.securityGroups"),
                    refs.id(Kind.VM, str(vm), "spec.vm"));
        }
    }

    /** A volume. */
    record VolumeDto(
            @Nullable String node,
            long sizeBytes,
            @Nullable String template,
            @Nullable String pool,
            @Nullable List<Snapshot> snapshots,
            @Nullable String rollbackTo,
            long rollbackGeneration)
            implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            List<Snapshot> snaps = snapshots == null ? List.of() : snapshots;
            for (int i = 0; i < snaps.size(); i++) {
                Snapshot s = Fields.required(snaps.get(i), "spec.snapshots[" + i + "]");
                Fields.required(s.name(), "spec.snapshots[" + i + "].name");
            }
            return new VolumeSpec(
                    refs.id(Kind.NODE, str(node), "spec.node"),
                    sizeBytes,
                    refs.id(Kind.TEMPLATE, str(template), "spec.template"),
                    str(pool),
                    snaps,
                    str(rollbackTo),
                    rollbackGeneration);
        }
    }

    /** A template import. */
    record TemplateDto(
            @Nullable String node,
            @Nullable String source,
            @Nullable String format) implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            String n = Fields.required(node, "spec.node");
            return new TemplateSpec(refs.id(Kind.NODE, n, "spec.node"), str(source), format == null ? "raw" : format);
        }
    }

    /** A security group. */
    record SecurityGroupDto(
            @Nullable String description, @Nullable List<RuleDto> rules) implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            List<RuleDto> in = rules == null ? List.of() : rules;
            List<Rule> out = new java.util.ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                out.add(Fields.required(in.get(i), "spec.rules[" + i + "]").toRule(refs, "spec.rules[" + i + "]"));
            }
            return new SecurityGroupSpec(str(description), out);
        }
    }

    /** One security group rule. */
    record RuleDto(
            Rule.@Nullable Direction direction,
            Rule.@Nullable Protocol protocol,
            int portFrom,
            int portTo,
            @Nullable String cidr,
            @Nullable String peerGroup) {
        static RuleDto of(Rule r) {
            return new RuleDto(r.direction(), r.protocol(), r.portFrom(), r.portTo(), r.cidr(), r.peerGroup());
        }

        Rule toRule(Refs refs, String field) {
            return new Rule(
                    Fields.required(direction, field + ".direction"),
                    protocol == null ? Rule.Protocol.ANY : protocol,
                    portFrom,
                    portTo,
                    str(cidr),
                    refs.id(Kind.SECURITY_GROUP, str(peerGroup), field + ".peerGroup"));
        }
    }

    /** A lock (read-only here: locks change through acquire and release). */
    record LockDto(@Nullable String owner, long ttlMillis) implements SpecDto {
        @Override
        public Spec toSpec(Refs refs) {
            return new LockSpec(str(owner), ttlMillis);
        }
    }
}
