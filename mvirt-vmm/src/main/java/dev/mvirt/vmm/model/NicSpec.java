package dev.mvirt.vmm.model;

/** A virtio-net NIC on an existing TAP device; {@code mac} is lower-case aa:bb:cc:dd:ee:ff. */
public record NicSpec(String tap, String mac) {}
