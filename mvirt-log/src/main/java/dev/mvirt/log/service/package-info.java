/** The single batching writer, retention in its spare time, and following queries. */
@NullMarked
package dev.mvirt.log.service;

import org.jspecify.annotations.NullMarked;
