/**
 * The REST API (Javalin): one class per resource, thin handlers over {@link dev.mvirt.api.store.DataStore}, JSON
 * DTOs, errors mapped in one {@link dev.mvirt.api.rest.ErrorMapper} to RFC 9457 problems, bearer-token access,
 * health probes, Prometheus metrics and the OpenAPI document.
 */
@NullMarked
package dev.mvirt.api.rest;

import org.jspecify.annotations.NullMarked;
