/** Clients of the systems under test over HTTP: the register operations (mvirt REST, etcd's JSON gateway) and watches. */
@NullMarked
package dev.mvirt.bench.client;

import org.jspecify.annotations.NullMarked;
