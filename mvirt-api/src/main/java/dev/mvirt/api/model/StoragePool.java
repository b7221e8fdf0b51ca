package dev.mvirt.api.model;

/** A storage pool a host offers: name, total and free bytes. */
public record StoragePool(String name, long totalBytes, long freeBytes) {}
